using System.Diagnostics;
using ImdbSentiment.Tests.Cli;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 1: every command that writes a file follows one rule: a device, a FIFO or /dev/fd/N is written
/// through and never renamed over; a symbolic link is followed, its target replaced and the link kept.
/// </summary>
[TestClass]
public sealed class OutputTargetFaultTests
{
    private const string Reviews = "id,text\n1,great film\n2,awful film\n";

    [TestMethod]
    [DataRow("score")]
    [DataRow("explain")]
    public void ACharacterDevice_IsWrittenThrough_AndStaysADevice(string command)
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", Reviews);
        var device = SpecialFiles.CharacterDevice(fault, "null-copy");

        var outcome = Write(fault, command, input, device);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        Assert.AreEqual("character special file", SpecialFiles.KindOf(device));
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_ToACharacterDevice_IsRefusedBeforeTheFirstEpoch_AndTheDeviceStays()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", string.Concat(SyntheticReviews.Create(200, seed: 2).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));
        var device = SpecialFiles.CharacterDevice(fault, "null-copy");

        var outcome = fault.Run("train", "--dataset", dataset, "--vocab-size", "40", "--max-length", "20", "--epochs", "1", "--output", device, "--force");

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--output", device, "is not a regular file");
        Assert.DoesNotContain("Epoch 1/", outcome.Output);
        Assert.AreEqual("character special file", SpecialFiles.KindOf(device));
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Score_IntoAFifo_WritesTheRowsToItsReader_AndTheFifoStays()
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", Reviews);
        var fifo = SpecialFiles.Fifo(fault, "scored.pipe");
        using var reader = Process.Start(new ProcessStartInfo("cat", [fifo]) { RedirectStandardOutput = true })!;
        var read = reader.StandardOutput.ReadToEndAsync();

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", fifo);

        var ended = reader.WaitForExit(30_000);
        if (!ended)
            reader.Kill();
        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        Assert.IsTrue(ended, "the reader sees the end of the output");
        StringAssert.StartsWith(read.Result, "id,text,PredictedLabel,Probability\n1,great film,");
        Assert.AreEqual("fifo", SpecialFiles.KindOf(fifo));
        StringAssert.Contains(outcome.Error, "Scored 2 rows into", "the summary goes to standard error, away from the rows");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Score_ToADescriptor_WritesTheRowsToIt_AndTheSummaryToStandardError()
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", Reviews);

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", "/dev/fd/1");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.StartsWith(outcome.Output, "id,text,PredictedLabel,Probability\n1,great film,");
        Assert.HasCount(3, outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), "the rows and nothing else");
        StringAssert.Contains(outcome.Error, "Scored 2 rows into /dev/fd/1");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("score")]
    [DataRow("explain")]
    public void ALinkedOutput_IsFollowed_ItsTargetReplaced_AndTheLinkKept(string command)
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", Reviews);
        var target = fault.Input("kept/real-output", "an earlier output");
        var link = fault.Remember(File.CreateSymbolicLink(fault.PathOf("link-output"), target).FullName);

        var outcome = Write(fault, command, input, link);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        Assert.AreEqual("symbolic link", SpecialFiles.KindOf(link));
        Assert.AreNotEqual("an earlier output", File.ReadAllText(target), "the link's target holds the new output");
        StringAssert.Contains(File.ReadAllText(target), command == "score" ? "PredictedLabel" : "<html");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_ALinkedOutput_WithForce_ReplacesTheTarget_AndKeepsTheLink()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", string.Concat(SyntheticReviews.Create(200, seed: 2).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));
        var target = fault.Input("kept/model.zip", "an earlier model");
        var link = fault.Remember(File.CreateSymbolicLink(fault.PathOf("model.zip"), target).FullName);

        var outcome = fault.Run("train", "--dataset", dataset, "--vocab-size", "40", "--max-length", "20", "--epochs", "1", "--init-trials", "1", "--output", link, "--force");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        Assert.AreEqual("symbolic link", SpecialFiles.KindOf(link));
        var predicted = fault.Run("predict", "--model", target, "a wonderful film");
        Assert.AreEqual(0, predicted.ExitCode, "the link's target is the new model: " + predicted.Error);
    }

    private static TrainerProcess.Outcome Write(FaultCase fault, string command, string input, string output) => command switch
    {
        "score" => fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output),
        _ => fault.Run("explain", "--model", FaultCase.ShippedModel, "--html", output, "a great film"),
    };
}
