using System.Text;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 10, item 5 (and the cancelled-train exit code of item 10): SIGTERM is handled like Ctrl-C, and no signal that
/// can be handled leaves a partial or temporary file behind.
/// </summary>
[TestClass]
public sealed class SignalFaultTests
{
    // Enough rows that scoring is still going when the signal arrives (tens of chunks of 4,096 rows).
    private const int Rows = 120_000;

    private const string PreviousOutput = "id,text,PredictedLabel,Probability\n1,from an earlier run,true,0.9\n";

    [TestMethod]
    [DataRow("TERM")]
    [DataRow("INT")]
    public void Score_OneSignal_StopsBetweenChunks_WithTheCancelledExitCode_AndLeavesNoFile(string signal)
    {
        using var fault = new FaultCase();
        var (input, output) = LargeScoringJob(fault);
        using var score = new RunningCommand(fault, "score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output);
        score.WaitUntil(() => TemporaryBeside(output).Any(), "the temporary output file");

        Assert.IsTrue(score.Send(signal));
        var outcome = score.WaitForExit();

        Assert.AreEqual(FaultAssert.Cancelled, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Error, "error: cancelled by Ctrl-C or SIGTERM; no output was written.");
        Assert.AreEqual(PreviousOutput, File.ReadAllText(output), "the output of an earlier run is left as it was");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("INT", 130)]
    [DataRow("TERM", 143)]
    public void Score_ASecondSignal_QuitsAtOnce_AndStillLeavesNoFile(string signal, int quitAtOnce)
    {
        using var fault = new FaultCase();
        var (input, output) = LargeScoringJob(fault);
        using var score = new RunningCommand(fault, "score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output);
        score.WaitUntil(() => TemporaryBeside(output).Any(), "the temporary output file");

        Assert.IsTrue(score.Send(signal));
        score.WaitUntil(() => score.ErrorSoFar.Contains("stopping at the next safe point"), "the first signal's notice");
        score.Send(signal);
        var outcome = score.WaitForExit();

        // The second signal nearly always lands before the next chunk boundary; when the first stop gets there first
        // and the process is already ending, it ends with 3. Either way nothing is left behind.
        CollectionAssert.Contains(new[] { quitAtOnce, FaultAssert.Cancelled }, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Error, outcome.ExitCode == quitAtOnce ? "quitting at once; no partial output is left." : "error: cancelled by Ctrl-C or SIGTERM");
        Assert.AreEqual(PreviousOutput, File.ReadAllText(output), "the output of an earlier run is left as it was");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("INT", 130)]
    [DataRow("TERM", 143)]
    public void ASignalOutsideASafeStopPhase_EndsTheProcessAtOnce_WithTheShellsExitCode(string signal, int exitCode)
    {
        using var fault = new FaultCase();
        using var predict = new RunningCommand(fault, keepInputOpen: true, "predict", "--model", FaultCase.ShippedModel);
        predict.WriteLine(ReadmeExamples.Positive);
        predict.WaitUntil(() => predict.OutputSoFar.Contains("positive\t"), "the first prediction");

        Assert.IsTrue(predict.Send(signal));
        var outcome = predict.WaitForExit();

        Assert.AreEqual(exitCode, outcome.ExitCode, outcome.Error);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_SigTerm_StopsAfterTheBatch_SavesTheModel_AndExitsWithTheCancelledCode()
    {
        using var fault = new FaultCase();
        var reviews = fault.Input("reviews.tsv", string.Concat(SyntheticReviews.Create(400, seed: 3).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));
        var model = fault.PathOf("out/model.zip");
        using var train = new RunningCommand(fault,
            "train", "--dataset", reviews, "--vocab-size", "40", "--max-length", "20", "--epochs", "10000", "--patience", "10000", "--output", model);
        train.WaitUntil(() => train.OutputSoFar.Contains("Epoch 2/"), "the second epoch");

        Assert.IsTrue(train.Send("TERM"));
        var outcome = train.WaitForExit();

        Assert.AreEqual(FaultAssert.Cancelled, outcome.ExitCode, outcome.Error + outcome.Output);
        StringAssert.Contains(outcome.Output, "Training was cancelled after");
        Assert.IsTrue(File.Exists(model), "the model from the best epoch so far is saved");
        Assert.IsTrue(File.Exists(Path.Combine(ReportFolder.DefaultFor(model), ReportFolder.MetricsFileName)), "with its report");
        Assert.IsEmpty(Directory.GetFiles(fault.Folder, "*.tmp", SearchOption.AllDirectories));
    }

    private static (string Input, string Output) LargeScoringJob(FaultCase fault)
    {
        var text = new StringBuilder("id,text\n");
        foreach (var (review, i) in SyntheticReviews.Create(Rows, seed: 5).Select((review, i) => (review, i)))
            text.Append(i).Append(',').Append(review.Text).Append('\n');
        return (fault.Input("reviews.csv", text.ToString()), fault.Input("scored.csv", PreviousOutput));
    }

    private static IEnumerable<string> TemporaryBeside(string output) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.*.tmp");
}
