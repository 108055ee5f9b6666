using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Faults;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// The pooled predictor serves a product model on the direct path and any other chain through engines; from many
/// threads at once, every prediction is the PredictionEngine's: label, probability and score bit for bit, texts without
/// words and unpaired surrogates (which a JSON request can carry) included.
/// </summary>
[TestClass]
public sealed class PooledSentimentPredictorTests
{
    private static readonly string[] OddTexts = ["", "!!! ...", "bad \uDC80 film \uD800 really", "x"];

    [TestMethod]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void AProductModel_FromEightThreads_PredictsAsTheEngineDoes(string modelFile)
    {
        using var model = SentimentModel.Load(Path.Combine(DataFixtures.FindRepoRoot()!, "models", modelFile));
        AssertPredictsAsTheEngine(model);
    }

    [TestMethod]
    public void AnotherChain_IsServedThroughEngines()
    {
        using var folder = new DataFixtures();
        using var model = ForeignModelFaultTests.LoadTextChain(folder);
        AssertPredictsAsTheEngine(model);
    }

    private static void AssertPredictsAsTheEngine(SentimentModel model)
    {
        var texts = SyntheticReviews.Create(300, seed: 17).Select(review => review.Text).Concat(OddTexts).ToArray();
        var engine = model.CreatePredictionEngine();
        var expected = texts.Select(text => engine.Predict(new ReviewInput { Text = text })).ToArray();

        using var predictor = new PooledSentimentPredictor(model, maximumRetained: 2);
        var served = new SentimentPrediction[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => served[i] = predictor.Predict(texts[i]));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.AreEqual((expected[i].PredictedLabel, expected[i].Probability, expected[i].Score),
                (served[i].PredictedLabel, served[i].Probability, served[i].Score), texts[i]);
        }
        Assert.IsGreaterThan(10, expected.Select(prediction => prediction.Probability).Distinct().Count());
    }
}
