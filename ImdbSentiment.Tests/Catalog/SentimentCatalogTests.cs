using ImdbSentiment.Model;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.Catalog;

[TestClass]
public sealed class SentimentCatalogTests
{
    // The README's "ten-line program": a CSV file, the two catalog components, fit, save, reload with stock ML.NET.
    [TestMethod]
    [DataRow("embedding-rnn", 0)]
    [DataRow("ngram-bag", 2)]
    public void TenLineProgram_FitsTheCatalogPipeline_SavesIt_AndStockMlNetReloadsAndServesIt(string network, int ngramLength)
    {
        using var folder = new DataFixtures();
        var csv = folder.WriteText("reviews.csv", "Label,Text\n" + string.Concat(SyntheticReviews.Create(600, seed: 5).Select(r => $"{r.Label},{r.Text}\n")));
        var path = folder.PathOf("model.zip");

        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromTextFile(csv, [new TextLoader.Column("Label", DataKind.Boolean, 0), new TextLoader.Column("Text", DataKind.String, 1)], ',', hasHeader: true);
        var pipeline = mlContext.Transforms.Text.FeaturizeReview(vocabularySize: 30, maxLength: 20, ngramLength: ngramLength)
            .Append(mlContext.BinaryClassification.Trainers.SentimentNetwork(network, epochs: 5, learningRate: 1e-2));
        var model = pipeline.Fit(data);
        mlContext.Model.Save(model, data.Schema, path);
        (model as IDisposable)?.Dispose();

        var serving = new MLContext();
        var loaded = serving.Model.Load(path, out _);
        var engine = serving.Model.CreatePredictionEngine<ReviewInput, SentimentPrediction>(loaded);
        var positive = engine.Predict(new ReviewInput { Text = "a wonderful brilliant film, I loved it" });
        var negative = engine.Predict(new ReviewInput { Text = "an awful boring film, a waste" });
        (loaded as IDisposable)?.Dispose();

        Assert.IsTrue(positive.PredictedLabel, $"probability {positive.Probability}");
        Assert.IsFalse(negative.PredictedLabel, $"probability {negative.Probability}");
    }

    [TestMethod]
    public void OtherColumnNames_AreParameters_OfBothComponents()
    {
        using var folder = new DataFixtures();
        var csv = folder.WriteText("reviews.csv", "Sentiment,Review\n" + string.Concat(SyntheticReviews.Create(600, seed: 5).Select(r => $"{r.Label},{r.Text}\n")));
        var path = folder.PathOf("model.zip");

        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromTextFile(csv, [new TextLoader.Column("Sentiment", DataKind.Boolean, 0), new TextLoader.Column("Review", DataKind.String, 1)], ',', hasHeader: true);
        var model = mlContext.Transforms.Text.FeaturizeReview(vocabularySize: 30, maxLength: 20, inputColumnName: "Review")
            .Append(mlContext.BinaryClassification.Trainers.SentimentNetwork(epochs: 5, learningRate: 1e-2, labelColumnName: "Sentiment"))
            .Fit(data);
        mlContext.Model.Save(model, data.Schema, path);
        (model as IDisposable)?.Dispose();

        var serving = new MLContext();
        var loaded = serving.Model.Load(path, out _);
        var engine = serving.Model.CreatePredictionEngine<NamedReview, SentimentPrediction>(loaded);
        var positive = engine.Predict(new NamedReview { Review = "a wonderful brilliant film, I loved it" });
        var negative = engine.Predict(new NamedReview { Review = "an awful boring film, a waste" });
        (loaded as IDisposable)?.Dispose();

        Assert.IsTrue(positive.PredictedLabel, $"probability {positive.Probability}");
        Assert.IsFalse(negative.PredictedLabel, $"probability {negative.Probability}");
    }

    [TestMethod]
    public void AMissingTextColumn_IsRefused_NamingIt()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(SyntheticReviews.Create(20, seed: 5));
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Transforms.Text.FeaturizeReview(inputColumnName: "Review").Fit(data));
        StringAssert.Contains(error.Message, "Review");
    }

    private sealed class NamedReview
    {
        public string Review { get; set; } = "";
    }
}
