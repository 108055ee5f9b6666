using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Serving;

[TestClass]
public sealed class ShippedModelTests
{
    [TestMethod]
    [DataRow("an absolute masterpiece, I loved every minute", true)]
    [DataRow("a dull, boring waste of two hours", false)]
    public void ShippedSeedModel_ClassifiesTheReadmeExamples(string review, bool positive)
    {
        var path = Path.Combine(DataFixtures.FindRepoRoot()!, "models", "imdb-sentiment.zip");
        using var model = SentimentModel.Load(path);
        var prediction = model.CreatePredictionEngine().Predict(new() { Text = review });
        Assert.AreEqual(positive, prediction.PredictedLabel, $"probability {prediction.Probability}");
    }
}
