using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Faults;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// A chain that is not this product's featurizer and network (the benchmark's ML.NET baseline, loaded through the
/// same serving code) has no direct path: the chunk scorer then scores it through PredictionEngines.
/// </summary>
[TestClass]
public sealed class ChunkScorerFallbackTests
{
    [TestMethod]
    public void AnMlNetTextChain_IsScoredThroughTheEngine()
    {
        using var folder = new DataFixtures();
        using var model = ForeignModelFaultTests.LoadTextChain(folder);
        string?[] texts = ["a wonderful, brilliant film", null, "an awful, boring waste"];

        using var serving = ServingModel.Over(model);
        using var scorer = new ChunkScorer(serving);
        var probabilities = scorer.Probabilities(texts);

        var engine = model.CreatePredictionEngine();
        Assert.AreEqual(engine.Predict(new ReviewInput { Text = texts[0]! }).Probability, probabilities[0]);
        Assert.IsNull(probabilities[1]);
        Assert.AreEqual(engine.Predict(new ReviewInput { Text = texts[2]! }).Probability, probabilities[2]);
    }
}
