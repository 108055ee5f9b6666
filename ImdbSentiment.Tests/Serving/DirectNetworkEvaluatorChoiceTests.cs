using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// The direct path scores the seed model's simple RNN on the managed evaluator, and keeps the onnxruntime session
/// when the evaluator fails the load-time check (here one that errs by one ulp in one recurrent weight, as a CPU or
/// onnxruntime that rounds a product differently would) or when the network is not a simple RNN (the n-gram model); either way
/// every probability is the PredictionEngine's.
/// </summary>
[TestClass]
public sealed class DirectNetworkEvaluatorChoiceTests
{
    private static readonly string[] Texts =
    [
        "a wonderful, brilliant film: moving and beautifully acted",
        "a dull, boring waste of two hours",
        string.Join(' ', Enumerable.Repeat("the plot was thin but the acting was great", 40)),
    ];

    private static string ModelPath(string file) => Path.Combine(DataFixtures.FindRepoRoot()!, "models", file);

    [TestMethod]
    public void SeedModel_IsScoredManaged_AsReadWithAndWithoutMlNet()
    {
        ReproducedKernels.Require();
        using var model = SentimentModel.Load(ModelPath("imdb-sentiment.zip"));
        using var network = new DirectNetwork(model);
        using var opened = DirectNetwork.TryOpen(model.Path);

        Assert.IsTrue(network.ScoresManaged);
        Assert.IsTrue(opened!.ScoresManaged);
    }

    [TestMethod]
    public void AnEvaluatorThatFailsTheCheck_LeavesTheSessionScoring()
    {
        // Elsewhere the check fails whatever the evaluator, so this would test nothing.
        ReproducedKernels.Require();
        using var model = SentimentModel.Load(ModelPath("imdb-sentiment.zip"));
        using var network = new DirectNetwork(model, graph => new SimpleRnnEvaluator(graph with { RecurrentWeights = OneUlpUp(graph.RecurrentWeights, 3) }));
        using var scorer = network.CreateScorer();
        var engine = model.CreatePredictionEngine();

        Assert.IsFalse(network.ScoresManaged);
        foreach (var text in Texts)
        {
            var expected = engine.Predict(new ReviewInput { Text = text });
            var predicted = scorer.Predict(text);
            Assert.AreEqual(expected.Probability, predicted.Probability, 0f);
            Assert.AreEqual(expected.Score, predicted.Score, 0f);
        }
    }

    [TestMethod]
    public void TheManagedScorer_GivesTheEnginesScoreAndLabel()
    {
        using var model = SentimentModel.Load(ModelPath("imdb-sentiment.zip"));
        using var network = new DirectNetwork(model);
        using var scorer = network.CreateScorer();
        var engine = model.CreatePredictionEngine();

        foreach (var text in Texts)
        {
            var expected = engine.Predict(new ReviewInput { Text = text });
            var predicted = scorer.Predict(text);
            Assert.AreEqual(expected.Probability, predicted.Probability, 0f);
            Assert.AreEqual(expected.Score, predicted.Score, 0f);
            Assert.AreEqual(expected.PredictedLabel, predicted.PredictedLabel);
        }
    }

    /// <summary>The weights with the one at <paramref name="index"/> one ulp larger.</summary>
    internal static float[] OneUlpUp(float[] weights, int index)
    {
        var changed = (float[])weights.Clone();
        changed[index] = MathF.BitIncrement(changed[index]);
        return changed;
    }

    [TestMethod]
    public void TheNgramModel_KeepsTheSession()
    {
        using var model = SentimentModel.Load(ModelPath("imdb-sentiment-best.zip"));
        using var network = new DirectNetwork(model);

        Assert.IsFalse(network.ScoresManaged);
    }
}
