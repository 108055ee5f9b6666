using ImdbSentiment.Model;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Serving;

[TestClass]
public sealed class ShippedModelTests
{
    [TestMethod]
    [DataRow("imdb-sentiment.zip", ReadmeExamples.Positive, true)]
    [DataRow("imdb-sentiment.zip", ReadmeExamples.Negative, false)]
    [DataRow("imdb-sentiment-ngram.zip", ReadmeExamples.ShortPositive, true)]
    [DataRow("imdb-sentiment-ngram.zip", ReadmeExamples.ShortNegative, false)]
    [DataRow("imdb-sentiment-best.zip", ReadmeExamples.Positive, true)]
    [DataRow("imdb-sentiment-best.zip", ReadmeExamples.Negative, false)]
    [DataRow("imdb-sentiment-best.zip", ReadmeExamples.ShortPositive, true)]
    [DataRow("imdb-sentiment-best.zip", ReadmeExamples.ShortNegative, false)]
    public void ShippedModels_ClassifyTheReadmeExamples(string modelFile, string review, bool positive)
    {
        var path = Path.Combine(DataFixtures.FindRepoRoot()!, "models", modelFile);
        using var model = SentimentModel.Load(path);
        var prediction = model.CreatePredictionEngine().Predict(new() { Text = review });
        Assert.AreEqual(positive, prediction.PredictedLabel, $"probability {prediction.Probability}");
    }
}
