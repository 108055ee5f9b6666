using ImdbSentiment.Model.Text;
using ImdbSentiment.Training.WordVectors.SkipGram;

namespace ImdbSentiment.Tests.WordVectors;

/// <summary>The skip-gram corpus: the featurizer's tokens, the min-count, the vocabulary's order; and the negative samples' distribution.</summary>
[TestClass]
public sealed class SkipGramCorpusTests
{
    [TestMethod]
    public void Build_TokenisesAsTheFeaturizer_KeepsWordsSeenMinCountTimes_MostFrequentFirst()
    {
        string[] texts = ["Great<br />movie, GREAT acting; it's great.", "A movie I didn't like: the acting!", "rare"];

        var corpus = SkipGramCorpus.Build(texts, minCount: 2);

        CollectionAssert.AreEqual(new[] { "great", "acting", "movie" }, corpus.Words.ToArray(), "by count, then in ordinal order");
        CollectionAssert.AreEqual(new long[] { 3, 2, 2 }, corpus.Counts);
        var tokens = texts.SelectMany(ReviewTokenizer.Tokenize).ToArray();
        Assert.AreEqual(tokens.Length, corpus.TokensRead);
        CollectionAssert.AreEqual(new[] { "great", "movie", "great", "acting", "great", "movie", "acting" }, corpus.Tokens.Select(index => corpus.Words[index]).ToArray());
        CollectionAssert.AreEqual(new[] { 0, 5, 7, 7 }, corpus.ReviewStarts, "the third review keeps no word");
    }

    [TestMethod]
    public void NoiseDistribution_DrawsEachWordInProportionToItsCountToThePower075()
    {
        long[] counts = [1000, 300, 40, 40, 7, 1];
        var noise = new NoiseDistribution(counts);
        var weights = counts.Select(count => Math.Pow(count, 0.75)).ToArray();

        for (var word = 0; word < counts.Length; word++)
            Assert.AreEqual(weights[word] / weights.Sum(), noise.Probability(word), 1e-6, $"word {word}");

        var random = new SplitMixRandom(9);
        var drawn = new int[counts.Length];
        for (var i = 0; i < 200_000; i++)
            drawn[noise.Sample(ref random)]++;
        for (var word = 0; word < counts.Length; word++)
            Assert.AreEqual(weights[word] / weights.Sum(), drawn[word] / 200_000.0, 0.005, $"word {word} drawn");
    }
}
