using System.Text.Json;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 10, item 10 (in part; the cancelled exit code is in <see cref="SignalFaultTests"/>): one-class data is refused
/// before training, and more threads than cores are capped with a warning. Item 12: the report counts skipped rows.
/// </summary>
[TestClass]
public sealed class TrainingFaultTests
{
    [TestMethod]
    [DataRow(true, "positive")]
    [DataRow(false, "negative")]
    public void Train_OnOneClassOnly_IsRefusedBeforeTraining(bool label, string named)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("one-class.tsv", string.Concat(SyntheticReviews.Create(40, seed: 8).Select(r => $"{r.Text}\t{(label ? 1 : 0)}\n")));

        var outcome = fault.Run("train", "--dataset", dataset, "--label-col", "1", "--output", fault.PathOf("out/never.zip"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "one-class.tsv", $"all 40 training reviews are {named}", "both positive and negative");
        Assert.DoesNotContain("Epoch 1/", outcome.Output);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_MoreThreadsThanCores_IsCappedWithAWarning()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", string.Concat(SyntheticReviews.Create(100, seed: 9).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));
        var model = fault.PathOf("out/model.zip");
        var threads = Environment.ProcessorCount + 98;

        var outcome = fault.Run("train", "--dataset", dataset, "--vocab-size", "20", "--max-length", "10", "--epochs", "1", "--threads", $"{threads}", "--output", model);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Error, $"warning: --threads {threads} is more than the {Environment.ProcessorCount} core");
        StringAssert.Contains(outcome.Error, $"using {Environment.ProcessorCount}.");
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportFolder.DefaultFor(model), ReportFolder.MetricsFileName)));
        Assert.AreEqual(Environment.ProcessorCount, metrics.RootElement.GetProperty("options").GetProperty("trainer").GetProperty("fit").GetProperty("threads").GetInt32());
    }

    [TestMethod]
    public void Train_SkipBadRows_CountsThemInMetricsJsonAndTheModelCard()
    {
        using var fault = new FaultCase();
        var good = string.Concat(SyntheticReviews.Create(100, seed: 10).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n"));
        var dataset = fault.Input("reviews.tsv", good + "no label here\tmaybe\n...\t1\n");
        var model = fault.PathOf("out/model.zip");

        var outcome = fault.Run("train", "--dataset", dataset, "--label-col", "1", "--skip-bad-rows", "--vocab-size", "20", "--max-length", "10", "--epochs", "1", "--output", model);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, "skipped 2 bad rows");
        var report = ReportFolder.DefaultFor(model);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, ReportFolder.MetricsFileName)));
        Assert.AreEqual(2, metrics.RootElement.GetProperty("skippedRows").GetProperty("training").GetInt32());
        StringAssert.Contains(File.ReadAllText(Path.Combine(report, ReportFolder.ModelCardFileName)), "- Rows skipped as bad (`--skip-bad-rows`): training 2, validation 0, test 0");
    }
}
