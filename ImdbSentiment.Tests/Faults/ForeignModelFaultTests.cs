using ImdbSentiment.Model;
using ImdbSentiment.Tests.Data;
using Microsoft.ML;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 10, item 11: a foreign ML.NET zip is refused with one line saying what it is, even one whose input is a Text
/// column and whose outputs have this product's names (FeaturizeText + SDCA), which predict used to serve.
/// </summary>
[TestClass]
public sealed class ForeignModelFaultTests
{
    [TestMethod]
    [DataRow(nameof(TextReview.Text), DisplayName = "a Text input, as this product's")]
    [DataRow(nameof(SentimentTextReview.SentimentText), DisplayName = "another input column")]
    public void AForeignMlNetZip_IsRefusedByPredictEvaluateAndScore_SayingWhatItIs(string inputColumn)
    {
        using var fault = new FaultCase();
        var model = fault.Remember(fault.PathOf("foreign.zip"));
        SaveForeignModel(model, inputColumn);
        var reviews = fault.Input("reviews.csv", "label,text\n1,a wonderful film\n0,a dull film\n");

        var outcomes = new[]
        {
            fault.Run("predict", "--model", model, "a wonderful film"),
            fault.Run("evaluate", "--model", model, "--dataset", reviews),
            fault.Run("score", "--model", model, "--input", reviews, "--output", fault.PathOf("scored.csv")),
        };

        foreach (var outcome in outcomes)
        {
            FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "foreign.zip", "not an ImdbSentiment model", "ImdbSentiment/featurizer.json");
            Assert.AreEqual("", outcome.Output);
        }
        fault.AssertOnlyLeft();
    }

    /// <summary>What Model Builder's text classification makes without a GPU: FeaturizeText + SDCA logistic regression.</summary>
    internal static void SaveForeignModel(string path, string inputColumn)
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticReviews.Create(60, seed: 2);
        var data = inputColumn == nameof(TextReview.Text)
            ? mlContext.Data.LoadFromEnumerable(rows.Select(r => new TextReview { Text = r.Text, Label = r.Label }))
            : mlContext.Data.LoadFromEnumerable(rows.Select(r => new SentimentTextReview { SentimentText = r.Text, Label = r.Label }));
        var pipeline = mlContext.Transforms.Text.FeaturizeText("Features", inputColumn)
            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
        mlContext.Model.Save(pipeline.Fit(data), data.Schema, path);
    }

    private sealed class TextReview
    {
        public string Text { get; set; } = "";

        public bool Label { get; set; }
    }

    private sealed class SentimentTextReview
    {
        public string SentimentText { get; set; } = "";

        public bool Label { get; set; }
    }
}
