using System.Text.Json;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 10: flags that silently lost. A preset (--recipe, --keras-exact) gives values an explicit flag
/// overrides; a validation or test file that is the training file is refused; a header naming the chosen column twice
/// is refused; an empty file in an --output-dir is not taken for a finished output.
/// </summary>
[TestClass]
public sealed class FlagConflictFaultTests
{
    [TestMethod]
    [DataRow(new[] { "--keras-exact", "--init-trials", "2" }, 2, false)]
    [DataRow(new[] { "--init-trials", "2", "--keras-exact" }, 2, false)]
    [DataRow(new[] { "--keras-exact", "--refit", "on" }, 1, true)]
    [DataRow(new[] { "--keras-exact" }, 1, false)]
    public void Train_KerasExact_IsAPreset_WhoseValuesExplicitFlagsOverride(string[] flags, int initTrials, bool refit)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", SyntheticReviews.Tsv(100, seed: 33));
        var model = fault.PathOf("out/model.zip");

        var outcome = fault.Run(["train", "--dataset", dataset, "--vocab-size", "20", "--max-length", "10", "--epochs", "1", "--trial-epochs", "1", .. flags, "--output", model]);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportFolder.DefaultFor(model), ReportFolder.MetricsFileName)));
        var fit = metrics.RootElement.GetProperty("options").GetProperty("trainer").GetProperty("fit");
        Assert.AreEqual(initTrials, fit.GetProperty("initializationTrials").GetInt32());
        Assert.AreEqual(refit, fit.GetProperty("refitOnAllData").GetBoolean());
    }

    [TestMethod]
    [DataRow("--validation-dataset", "same")]
    [DataRow("--validation-dataset", "copy")]
    [DataRow("--validation-dataset", "link")]
    [DataRow("--test-dataset", "copy")]
    public void Train_AValidationOrTestFileThatIsTheTrainingFile_IsRefused(string flag, string how)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", SyntheticReviews.Tsv(100, seed: 34));
        var other = how switch
        {
            "same" => dataset,
            "copy" => fault.Input("copy.tsv", File.ReadAllText(dataset)),
            _ => fault.Remember(File.CreateSymbolicLink(fault.PathOf("link.tsv"), dataset).FullName),
        };

        var outcome = fault.Run("train", "--dataset", dataset, flag, other, "--vocab-size", "20", "--max-length", "10", "--epochs", "1", "--output", fault.PathOf("out/never.zip"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, flag, "--dataset", Path.GetFileName(other), "would be the training reviews");
        Assert.DoesNotContain("Epoch 1/", outcome.Output);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_AHeaderNamingTheTextColumnTwice_IsRefused_NamingTheFileAndColumns()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.csv", "label,review,review\n" + string.Concat(SyntheticReviews.Create(40, seed: 35).Select(r => $"{(r.Label ? 1 : 0)},{r.Text},a summary\n")));

        var outcome = fault.Run("train", "--dataset", dataset, "--vocab-size", "20", "--max-length", "10", "--epochs", "1", "--output", fault.PathOf("out/never.zip"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "reviews.csv", "'review'", "columns 1 and 2");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Score_AHeaderNamingTheTextColumnTwice_IsRefused_NamingTheFileAndColumns()
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", "id,text,text\n1,great film,a\n2,awful film,b\n");

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--text-col", "text", "--output", fault.PathOf("scored.csv"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "reviews.csv", "'text'", "columns 1 and 2");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Score_OutputDir_AnEmptyOutputIsNotComplete_AndIsScored()
    {
        using var fault = new FaultCase();
        fault.Input("in/a.csv", "id,text\n1,great film\n2,awful film\n");
        var output = fault.PathOf("out/a.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllBytes(output, []);

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("out"));

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, "Scored 2 rows into " + output);
        Assert.HasCount(3, File.ReadAllLines(output));
        fault.AssertOnlyLeft(output);
    }
}
