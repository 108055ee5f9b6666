using ImdbSentiment.Model.Evaluation;
using Microsoft.ML;

namespace ImdbSentiment.Tests.Reports;

[TestClass]
public sealed class SentimentMetricsTests
{
    // 4 positives, 6 negatives; a row is predicted positive when its probability (and so its logit) is above 0.5.
    private static readonly ScoredRow[] Rows =
    [
        ScoredRow.Of(true, 0.9f), ScoredRow.Of(true, 0.8f), ScoredRow.Of(true, 0.6f), ScoredRow.Of(true, 0.4f),
        ScoredRow.Of(false, 0.7f), ScoredRow.Of(false, 0.55f), ScoredRow.Of(false, 0.3f), ScoredRow.Of(false, 0.2f),
        ScoredRow.Of(false, 0.1f), ScoredRow.Of(false, 0.05f),
    ];

    [TestMethod]
    public void Evaluate_GivesHandComputedMetricsAndConfusionCounts()
    {
        var ml = new MLContext(seed: 1);

        var metrics = SentimentMetrics.Evaluate(ml, ml.Data.LoadFromEnumerable(Rows));

        Assert.AreEqual(10, metrics.Count);
        Assert.AreEqual(3, metrics.TruePositives);
        Assert.AreEqual(1, metrics.FalseNegatives);
        Assert.AreEqual(2, metrics.FalsePositives);
        Assert.AreEqual(4, metrics.TrueNegatives);
        Assert.AreEqual(0.7, metrics.Accuracy, 1e-9);
        Assert.AreEqual(0.6, metrics.Precision, 1e-9);
        Assert.AreEqual(0.75, metrics.Recall, 1e-9);
        Assert.AreEqual(2 * 0.6 * 0.75 / (0.6 + 0.75), metrics.F1, 1e-9);
        // Positive-negative pairs ranked right: 6 + 6 + 5 + 4 of 4 * 6.
        Assert.AreEqual(21.0 / 24, metrics.Auc, 1e-9);
        Assert.AreEqual(ExpectedLogLossBits(Rows), metrics.LogLoss, 1e-6);
    }

    [TestMethod]
    public void Evaluate_OnlyPositives_GivesNaNAucAndTheOtherMetrics()
    {
        var ml = new MLContext(seed: 1);
        var positives = Rows.Where(row => row.Label).ToArray();

        var metrics = SentimentMetrics.Evaluate(ml, ml.Data.LoadFromEnumerable(positives));

        Assert.IsTrue(double.IsNaN(metrics.Auc));
        Assert.AreEqual(4, metrics.Count);
        Assert.AreEqual((3, 1, 0, 0), (metrics.TruePositives, metrics.FalseNegatives, metrics.FalsePositives, metrics.TrueNegatives));
        Assert.AreEqual(0.75, metrics.Accuracy, 1e-9);
        Assert.AreEqual(1.0, metrics.Precision, 1e-9);
        Assert.AreEqual(0.75, metrics.Recall, 1e-9);
        Assert.AreEqual(2 * 0.75 / 1.75, metrics.F1, 1e-9);
        Assert.AreEqual(ExpectedLogLossBits(positives), metrics.LogLoss, 1e-6);
    }

    [TestMethod]
    public void Evaluate_OnlyNegatives_GivesNaNAucAndZeroForUndefinedRecall()
    {
        var ml = new MLContext(seed: 1);
        var negatives = Rows.Where(row => !row.Label).ToArray();

        var metrics = SentimentMetrics.Evaluate(ml, ml.Data.LoadFromEnumerable(negatives));

        Assert.IsTrue(double.IsNaN(metrics.Auc));
        Assert.AreEqual((0, 0, 2, 4), (metrics.TruePositives, metrics.FalseNegatives, metrics.FalsePositives, metrics.TrueNegatives));
        Assert.AreEqual(4.0 / 6, metrics.Accuracy, 1e-9);
        Assert.AreEqual(0.0, metrics.Precision);
        Assert.AreEqual(0.0, metrics.Recall);
        Assert.AreEqual(0.0, metrics.F1);
        Assert.AreEqual(ExpectedLogLossBits(negatives), metrics.LogLoss, 1e-6);
    }

    [TestMethod]
    public void CountingEvaluator_AgreesWithMLNet_ApartFromAuc()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 200).Select(i => ScoredRow.Of(i % 3 != 0, (float)((i * 37 % 199) + 0.5) / 200)).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);

        var expected = SentimentMetrics.Evaluate(ml, data);
        var counted = CountingEvaluator.Evaluate(data);

        Assert.AreEqual(
            (expected.Count, expected.TruePositives, expected.FalsePositives, expected.TrueNegatives, expected.FalseNegatives),
            (counted.Count, counted.TruePositives, counted.FalsePositives, counted.TrueNegatives, counted.FalseNegatives));
        Assert.AreEqual(expected.Accuracy, counted.Accuracy, 1e-12);
        Assert.AreEqual(expected.Precision, counted.Precision, 1e-12);
        Assert.AreEqual(expected.Recall, counted.Recall, 1e-12);
        Assert.AreEqual(expected.F1, counted.F1, 1e-12);
        Assert.AreEqual(expected.LogLoss, counted.LogLoss, 1e-9);
        Assert.IsTrue(double.IsNaN(counted.Auc));
    }

    [TestMethod]
    public void Evaluate_NoRows_Throws()
    {
        var ml = new MLContext(seed: 1);

        Assert.ThrowsExactly<InvalidOperationException>(() => SentimentMetrics.Evaluate(ml, ml.Data.LoadFromEnumerable(Array.Empty<ScoredRow>())));
    }

    private static double ExpectedLogLossBits(IEnumerable<ScoredRow> rows) =>
        rows.Average(row => -Math.Log2(row.Label ? row.Probability : 1.0 - row.Probability));

    private sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }

        public static ScoredRow Of(bool label, float probability) => new()
        {
            Label = label,
            Score = MathF.Log(probability / (1 - probability)),
            Probability = probability,
            PredictedLabel = probability >= 0.5f,
        };
    }
}
