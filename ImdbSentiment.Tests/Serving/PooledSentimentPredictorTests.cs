using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// The pooled predictor, from many threads at once, predicts as the PredictionEngine does (label and score, the
/// probability within 1e-5), unpaired surrogates (which a JSON request can carry) included; and it applies the one
/// empty-text rule of every command: null is an ArgumentNullException, a text without words an ArgumentException.
/// </summary>
[TestClass]
public sealed class PooledSentimentPredictorTests
{
    private static readonly string[] OddTexts = ["bad \uDC80 film \uD800 really", "x", "GREAT<br />film"];

    [TestMethod]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-ngram.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void AProductModel_FromEightThreads_PredictsAsTheEngineDoes(string modelFile)
    {
        using var model = SentimentModel.Load(ShippedModels.PathOf(modelFile));
        var texts = SyntheticReviews.Create(300, seed: 17).Select(review => review.Text).Concat(OddTexts).ToArray();
        var engine = model.CreatePredictionEngine();
        var expected = texts.Select(text => engine.Predict(new ReviewInput { Text = text })).ToArray();

        using var predictor = new PooledSentimentPredictor(model, maximumRetained: 2);
        var served = new SentimentPrediction[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => served[i] = predictor.Predict(texts[i]));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.AreEqual(expected[i].PredictedLabel, served[i].PredictedLabel, texts[i]);
            Assert.AreEqual(expected[i].Probability, served[i].Probability, ScorerParityTests.Tolerance, texts[i]);
            Assert.AreEqual(expected[i].Score, served[i].Score, 1e-4f, texts[i]);
        }
        Assert.IsGreaterThan(10, expected.Select(prediction => prediction.Probability).Distinct().Count());
    }

    [TestMethod]
    public void Null_IsAnArgumentNullException_AndATextWithoutWords_AnArgumentException()
    {
        using var predictor = PooledSentimentPredictor.Open(ShippedModels.PathOf("imdb-sentiment.zip"));

        Assert.ThrowsExactly<ArgumentNullException>(() => predictor.Predict(null!));
        foreach (var empty in new[] { "", "   ", "!!! ...", "\t\n" })
        {
            var error = Assert.ThrowsExactly<ArgumentException>(() => predictor.Predict(empty));
            StringAssert.Contains(error.Message, ReviewText.NoWords);
        }
    }
}
