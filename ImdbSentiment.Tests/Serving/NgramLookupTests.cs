using System.IO.Compression;
using System.Text;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.ModelFormat;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// The scorer's n-gram lookup (<see cref="NgramVocabulary"/>: n-grams keyed by their words' ids) gives exactly the ids
/// of the ML.NET chain's rule: the distinct n-grams of the review's tokens (<see cref="Ngrams.Distinct"/>, what the
/// chain's mapping calls) in order of first appearance, each looked up as a string among the vocabulary's lines (line
/// i is id i + 1; of equal lines the first counts), those outside dropped, after the padding id.
/// </summary>
[TestClass]
public sealed class NgramLookupTests
{
    private static readonly string[] LookupEdgeTexts =
    [
        "",
        "!!! ... ---",
        string.Concat(Enumerable.Repeat("verylongword", 2_000)) + " good film",
        "not good\tnot  good\u00A0not\u2003good not\ngood",
        "the the the the the the the the the the",
        "not good not good not good but not bad at all, not good",
        "İstanbul ΣΊΣΥΦΟΣ ǅemal straße ﬁlm",
    ];

    [TestMethod]
    public void ShippedNgramModel_GivesTheChainsIds_OnTextsOfItsVocabulary_AndEdgeTexts()
    {
        var file = ModelFile.Read(ShippedModels.PathOf("imdb-sentiment-best.zip"));
        // Texts made of the vocabulary's own n-grams, so that n-grams of every length are found.
        string[] texts = [.. ScorerParityTests.TextsOf(file.NgramLines(), 400, seed: 11), .. ScorerParityTests.EdgeTexts, .. LookupEdgeTexts];

        var found = AssertChainIds(file, texts);
        foreach (var length in Enumerable.Range(1, 3))
            Assert.IsGreaterThan(1_000, found[length], $"the texts should find many n-grams of {length} words");
    }

    /// <summary>
    /// A vocabulary with lines no review can match or that repeat: the lookup must neither find them nor shift the ids
    /// of the lines after them.
    /// </summary>
    [TestMethod]
    public void EdgeVocabularyLines_KeepTheChainsIds()
    {
        using var folder = new DataFixtures();
        string[] lines =
        [
            "not", "good", "not good", "", "good film", "not good", "not good at all", "NOT", "film", "not  good", " film",
            "good film ", "bad\tfilm", "bad", "bad film", "film\r", "not good film", "the", "the the", "the the the",
            "straße", "ﬁlm", "good", "verylongword",
        ];
        var path = folder.PathOf("edge-vocabulary.zip");
        File.Copy(ShippedModels.PathOf("imdb-sentiment-best.zip"), path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry(ModelFile.Folder + ModelFile.NgramVocabularyFile)!.Delete();
            using var stream = zip.CreateEntry(ModelFile.Folder + ModelFile.NgramVocabularyFile).Open();
            stream.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        }
        var file = ModelFile.Read(path);
        CollectionAssert.AreEqual(lines, file.NgramLines());

        var found = AssertChainIds(file, [.. ScorerParityTests.EdgeTexts, .. LookupEdgeTexts, "Not good film, not good at all: a bad film, the the the the. Good film!"]);
        foreach (var length in Enumerable.Range(1, 3))
            Assert.IsGreaterThan(0, found[length], $"the texts should find n-grams of {length} words");
    }

    /// <summary>
    /// Keyed only for some reviews' words (what <c>predict</c> does with the reviews it is given), the vocabulary gives
    /// those reviews, and reviews made of their words, the chain's ids; a review with another word is refused.
    /// </summary>
    [TestMethod]
    public void AVocabularyKeyedForSomeReviewsWords_GivesTheChainsIds_AndRefusesOtherWords()
    {
        var file = ModelFile.Read(ShippedModels.PathOf("imdb-sentiment-ngram.zip"));
        string[] reviews = [.. ScorerParityTests.TextsOf(file.NgramLines(), 40, seed: 3), .. ScorerParityTests.EdgeTexts, .. LookupEdgeTexts];
        var onlyWords = new WordSet(reviews);
        // A review's words in another order, and the first half of them.
        var tokens = ReviewTokenizer.Tokenize(reviews[0]).ToArray();
        string[] alike = [string.Join(' ', tokens.Reverse()), string.Join(' ', tokens[..(tokens.Length / 2)])];

        var found = AssertChainIds(file, [.. reviews, .. alike], onlyWords);
        foreach (var length in Enumerable.Range(1, 3))
            Assert.IsGreaterThan(10, found[length], $"the texts should find n-grams of {length} words");

        var featurizer = new SpecFeaturizer(file, onlyWords);
        var words = new SpecFeaturizer.Words();
        SpecFeaturizer.Tokenize("a qwxzv review", words);
        Assert.ThrowsExactly<InvalidOperationException>(() => featurizer.AddNgramIds(words, []));
    }

    /// <summary>Asserts every text's n-gram-id row; returns how many n-grams of each length (index) the texts found.</summary>
    private static int[] AssertChainIds(ModelFile file, IEnumerable<string> texts, WordSet? onlyWords = null)
    {
        var featurizer = new SpecFeaturizer(file, onlyWords);
        var lineIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (line, index) in file.NgramLines().Select((line, index) => (line, index)))
            lineIds.TryAdd(line, file.Spec.NgramIds!.FirstNgramId + index);

        var words = new SpecFeaturizer.Words();
        var found = new int[Ngrams.LongestSupported + 1];
        foreach (var text in texts)
        {
            var tokens = ReviewTokenizer.Tokenize(EscapedBytes.Replaced(text));
            var known = Ngrams.Distinct(tokens, file.Spec.NgramIds!.Longest).Where(lineIds.ContainsKey).ToArray();
            long[] expected = [NgramIds.PaddingId, .. known.Select(ngram => lineIds[ngram])];

            var row = new List<long>();
            SpecFeaturizer.Tokenize(text, words);
            featurizer.AddNgramIds(words, row);

            CollectionAssert.AreEqual(expected, row, $"n-gram ids of: {text[..Math.Min(80, text.Length)]}");
            foreach (var ngram in known)
                found[ngram.Count(c => c == ' ') + 1]++;
        }
        return found;
    }
}
