using ImdbSentiment.Training.WordVectors.SkipGram;

namespace ImdbSentiment.Tests.WordVectors;

/// <summary>Skip-gram training where the answer is known: words that only ever share reviews with their own topic end up nearest to it.</summary>
[TestClass]
public sealed class SkipGramTrainerTests
{
    private static readonly string[] Sports = ["goal", "striker", "referee", "penalty", "stadium", "keeper", "league", "match"];
    private static readonly string[] Cooking = ["oven", "recipe", "flour", "butter", "simmer", "garlic", "knead", "saucepan"];

    private static readonly SkipGramOptions Toy = new()
    {
        Dimensions = 16, Epochs = 5, Window = 3, NegativeSamples = 5, MinCount = 1, SubsamplingThreshold = 0, Seed = 3, Threads = 1,
    };

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    public void EachWordsNearestNeighbours_AreFromItsOwnTopic(int threads)
    {
        var corpus = SkipGramCorpus.Build(TopicReviews(1200, seed: 4), Toy.MinCount);

        var vectors = SkipGramTrainer.Train(corpus, Toy with { Threads = threads });

        var neighbours = new NearestNeighbours(vectors.Words, vectors.Vectors, vectors.Dimensions);
        foreach (var topic in new[] { Sports, Cooking })
        {
            foreach (var word in topic)
            {
                var nearest = neighbours.Of(word, Sports.Length - 1)!.Select(entry => entry.Word).ToArray();
                CollectionAssert.IsSubsetOf(nearest, topic, $"{word}: {string.Join(", ", nearest)}");
            }
        }
    }

    [TestMethod]
    public void OneThread_WithTheSameSeed_TrainsTheSameVectors()
    {
        var corpus = SkipGramCorpus.Build(TopicReviews(200, seed: 5), Toy.MinCount);

        var first = SkipGramTrainer.Train(corpus, Toy);
        var second = SkipGramTrainer.Train(corpus, Toy);
        var otherSeed = SkipGramTrainer.Train(corpus, Toy with { Seed = 4 });

        CollectionAssert.AreEqual(first.Vectors, second.Vectors);
        CollectionAssert.AreNotEqual(first.Vectors, otherSeed.Vectors);
    }

    [TestMethod]
    public void Progress_CountsEveryEpochsTokens_AndTheLearningRateFalls()
    {
        var corpus = SkipGramCorpus.Build(TopicReviews(300, seed: 6), Toy.MinCount);
        var reports = new List<SkipGramProgress>();

        var vectors = SkipGramTrainer.Train(corpus, Toy with { Threads = 2 }, reports.Add);

        var last = reports[^1];
        Assert.AreEqual((long)corpus.Tokens.Length * Toy.Epochs, last.TokensTotal);
        Assert.AreEqual(last.TokensTotal, last.TokensProcessed);
        Assert.AreEqual(last.TokensProcessed, vectors.TokensProcessed);
        Assert.IsLessThan(Toy.LearningRate * 0.01, last.LearningRate);
    }

    [TestMethod]
    public void Cancellation_StopsTraining()
    {
        var corpus = SkipGramCorpus.Build(TopicReviews(300, seed: 7), Toy.MinCount);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => SkipGramTrainer.Train(corpus, Toy, cancellation: cancelled.Token));
    }

    private static string[] TopicReviews(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var topic = i % 2 == 0 ? Sports : Cooking;
            return string.Join(' ', Enumerable.Range(0, 12).Select(_ => topic[random.Next(topic.Length)])) + ".";
        })];
    }
}
