using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.ModelFormat;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Rnn;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// The serving contract: the one scorer (the featurizer built from the zip's model spec and one onnxruntime session)
/// gives every review the PredictionEngine's probability on the same zip within 1e-5, one review at a time and in
/// batches. Checked on the shipped models with texts made from their own vocabularies plus texts that probe the
/// tokenizer's edges, and on small models of every input kind (token ids, n-gram ids, both) trained here on synthetic
/// reviews, so the check needs no data set and never skips; the shared reviews add real text where they are present.
/// </summary>
[TestClass]
public sealed class ScorerParityTests
{
    public const float Tolerance = 1e-5f;

    internal static readonly string[] EdgeTexts =
    [
        "GREAT<br />film<BR>really<br/>it's the 2nd time I've seen it",
        "Ça m'a plu: très bien ! Кино хорошее, 映画は良かった",
        "bad \uDCE9 film \uDCFF\uDC80 really",
        "bad \uD800 film \uDFFF",
        string.Join(' ', Enumerable.Repeat("boring dull awful wonderful", 300)),
        "x",
        "'tis",
        "NOT BAD. not bad at all!!! Not. Bad.",
    ];

    [TestMethod]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-ngram.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void ShippedModels_AgreeWithTheEngine_OnTextsOfTheirVocabulary_AndEdgeTexts(string modelFile)
    {
        using var model = SentimentModel.Load(ShippedModels.PathOf(modelFile));
        using (var scorer = SentimentScorer.Over(model))
            Assert.AreEqual(modelFile == "imdb-sentiment-best.zip", scorer.PadsTokensToLongest, "the fused model's masked LSTM needs no padding; the seed SimpleRNN reads its padding");
        var vocabulary = model.File.Words.Length > 0 ? model.File.Words : [.. model.File.NgramLines().Where(ngram => !ngram.Contains(' '))];
        AssertAgreement(model, [.. TextsOf(vocabulary, 600, seed: 5), .. EdgeTexts]);
    }

    [TestMethod]
    [DataRow(NetworkArchitecture.EmbeddingRnn, false, DisplayName = "token ids")]
    [DataRow(NetworkArchitecture.None, true, DisplayName = "n-gram ids")]
    [DataRow(NetworkArchitecture.Lstm, true, DisplayName = "token ids and n-gram ids (fused)")]
    public void ModelsOfEveryInputKind_AgreeWithTheEngine(NetworkArchitecture architecture, bool ngramBranch)
    {
        using var folder = new DataFixtures();
        var data = new FeaturizedData(400, seed: 21, ngramLength: ngramBranch ? 2 : 0);
        var options = FeaturizedData.Options(architecture).WithNetwork(network => network with { NgramBranch = ngramBranch }).WithFit(fit => fit with { Epochs = 2 });
        var trained = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.Featurized);
        var path = folder.PathOf("model.zip");
        SentimentModel.Save(data.MLContext, data.Featurizer.Append(trained.Transformer), data.Raw.Schema, path);
        (trained.Transformer as IDisposable)?.Dispose();

        using var model = SentimentModel.Load(path);
        Assert.AreEqual(architecture != NetworkArchitecture.None, model.File.Spec.TokenIds is not null);
        Assert.AreEqual(ngramBranch, model.File.Spec.NgramIds is not null);
        using (var scorer = SentimentScorer.Over(model))
            Assert.AreEqual(architecture == NetworkArchitecture.Lstm, scorer.PadsTokensToLongest, "only the masked LSTM's rows may go without their padding");
        AssertAgreement(model, [.. data.Reviews.Select(review => review.Text), .. EdgeTexts]);
    }

    [TestMethod]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-ngram.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void OpenedForSomeReviews_AModelScoresThemAsWhenOpenedWhole_AndRefusesOtherWords(string modelFile)
    {
        var path = ShippedModels.PathOf(modelFile);
        using var whole = SentimentScorer.Open(path);
        string[] reviews = [.. TextsOf(whole.Featurizer.TokenIds is null ? [.. ModelFile.Read(path).NgramLines().Where(ngram => !ngram.Contains(' '))] : ModelFile.Read(path).Words, 30, seed: 8), .. EdgeTexts];
        using var openedFor = SentimentScorer.OpenFor(path, reviews);

        foreach (var review in reviews)
            Assert.AreEqual(whole.Predict(review).Probability, openedFor.Predict(review).Probability, $"{review[..Math.Min(80, review.Length)]}");
        if (whole.Featurizer.NgramIds is not null)
            Assert.ThrowsExactly<InvalidOperationException>(() => openedFor.Predict("a review of qwxzv words"));
    }

    [TestMethod]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-ngram.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void ShippedModels_AgreeWithTheEngine_OnSharedReviews(string modelFile)
    {
        var reviews = AclImdbReader.Read(SharedAclImdbArchiveTests.ArchivePath(), "train").Where((_, index) => index % 25 == 0).Select(review => review.Text);
        using var model = SentimentModel.Load(ShippedModels.PathOf(modelFile));
        AssertAgreement(model, [.. reviews]);
    }

    private static void AssertAgreement(SentimentModel model, string[] texts)
    {
        var engine = model.CreatePredictionEngine();
        var expected = texts.Select(text => engine.Predict(new ReviewInput { Text = EscapedBytes.Replaced(text) })).ToArray();
        using var scorer = SentimentScorer.Over(model);
        var batched = scorer.Probabilities(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i][..Math.Min(80, texts[i].Length)];
            var single = scorer.Predict(texts[i]);
            Assert.AreEqual(expected[i].Probability, single.Probability, Tolerance, $"one review: {text}");
            Assert.AreEqual(expected[i].PredictedLabel, single.PredictedLabel, $"one review's label: {text}");
            Assert.AreEqual(expected[i].Probability, batched[i]!.Value, Tolerance, $"in a batch: {text}");
        }
        Assert.IsGreaterThan(10, expected.Select(prediction => prediction.Probability).Distinct().Count(), "the texts should get many different answers");
    }

    /// <summary>
    /// Reviews made of a vocabulary's words in random case, with punctuation and line-break tags, mostly of 1 to 40 words
    /// (longer ones saturate an n-gram bag at 0 or 1), every tenth up to 400.
    /// </summary>
    internal static IEnumerable<string> TextsOf(IReadOnlyList<string> vocabulary, int count, int seed)
    {
        var random = new Random(seed);
        string[] separators = [" ", " ", " ", ", ", ". ", "<br /><br />", "! ", " - "];
        for (var i = 0; i < count; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, i % 10 == 0 ? 400 : 40)).Select(_ =>
            {
                var word = random.Next(20) == 0 ? "zzqx" : vocabulary[Math.Min(vocabulary.Count - 1, (int)(Math.Pow(random.NextDouble(), 3) * vocabulary.Count))];
                return (random.Next(8) == 0 ? word.ToUpperInvariant() : word) + separators[random.Next(separators.Length)];
            });
            yield return string.Concat(words);
        }
    }
}
