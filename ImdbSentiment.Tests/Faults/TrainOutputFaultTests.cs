namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 10, items 2 and 4: an existing output is replaced only with --force; an output or report path train cannot
/// write is refused before the first epoch; when the final write still fails, the trained model is saved somewhere else
/// and the error says where.
/// </summary>
[TestClass]
public sealed class TrainOutputFaultTests
{
    [TestMethod]
    [DataRow("an-existing-folder", "--output", "is a folder")]
    [DataRow("reviews.tsv/model.zip", "--output", "reviews.tsv is a file, so the folder cannot be made there")]
    public void Train_AnOutputItCannotWrite_IsRefusedBeforeTheFirstEpoch(string output, string flag, string expected)
    {
        using var fault = new FaultCase();
        var dataset = Reviews(fault);
        Directory.CreateDirectory(fault.PathOf("an-existing-folder"));

        var outcome = fault.Run("train", "--dataset", dataset, "--output", fault.PathOf(output));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, flag, expected);
        Assert.DoesNotContain("Epoch 1/", outcome.Output);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_AReportFolderThatIsAFile_IsRefusedBeforeTheFirstEpoch()
    {
        using var fault = new FaultCase();
        var dataset = Reviews(fault);

        var outcome = fault.Run("train", "--dataset", dataset, "--output", fault.PathOf("model.zip"), "--report-dir", dataset);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--report-dir", "is a file");
        Assert.DoesNotContain("Epoch 1/", outcome.Output);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_WhenTheFinalWriteFails_SavesTheModelElsewhere_AndSaysWhere()
    {
        using var fault = new FaultCase();
        var dataset = Reviews(fault);
        var output = fault.PathOf("model.zip");
        using var train = new RunningCommand(fault,
            "train", "--dataset", dataset, "--vocab-size", "40", "--max-length", "20", "--epochs", "10000", "--patience", "10000", "--output", output);
        train.WaitUntil(() => train.OutputSoFar.Contains("Epoch 2/"), "the second epoch");

        // After the check at the start: the output becomes a folder, so the save at the end fails.
        Directory.CreateDirectory(output);
        Assert.IsTrue(train.Send("TERM"));
        var outcome = train.WaitForExit();

        Assert.AreEqual(FaultAssert.Failure, outcome.ExitCode, outcome.Error);
        var line = outcome.Error.Split('\n').Single(text => text.StartsWith("error: ", StringComparison.Ordinal));
        StringAssert.Contains(line, $"{output}: could not be written");
        StringAssert.Contains(line, "the trained model was saved to ");
        var rescued = line[(line.IndexOf("saved to ", StringComparison.Ordinal) + "saved to ".Length)..line.LastIndexOf(" instead", StringComparison.Ordinal)];
        Assert.AreEqual(fault.Folder, Path.GetDirectoryName(rescued), "rescued into the working directory");
        fault.Remember(rescued);
        var predicted = fault.Run("predict", "--model", rescued, "a wonderful film");
        Assert.AreEqual(0, predicted.ExitCode, predicted.Error);
        Assert.IsEmpty(Directory.GetFiles(fault.Folder, "*.tmp", SearchOption.AllDirectories));
    }

    [TestMethod]
    public void Train_AnExistingOutput_IsReplacedOnlyWithForce()
    {
        using var fault = new FaultCase();
        var dataset = Reviews(fault);
        var output = fault.PathOf("model.zip");
        File.WriteAllText(output, "an earlier model");

        var refused = fault.Run("train", "--dataset", dataset, "--vocab-size", "40", "--max-length", "20", "--epochs", "1", "--output", output);

        FaultAssert.OneErrorLine(refused, FaultAssert.Failure, "--output", "exists already: pass --force");
        Assert.AreEqual("an earlier model", File.ReadAllText(output));
        var forced = fault.Run("train", "--dataset", dataset, "--vocab-size", "40", "--max-length", "20", "--epochs", "1", "--init-trials", "1", "--output", output, "--force");
        Assert.AreEqual(0, forced.ExitCode, forced.Error);
        Assert.AreNotEqual("an earlier model", File.ReadAllText(output));
    }

    [TestMethod]
    public void Train_WithoutOutput_DoesNotWriteTheShippedModel()
    {
        var flags = new ImdbSentiment.Trainer.Cli.TrainFlags();
        var output = flags.CreateCommand().Parse(["--dataset", "x.csv"]).GetValue(flags.Output)!;
        Assert.DoesNotStartWith("models", output);
    }

    private static string Reviews(FaultCase fault) =>
        fault.Input("reviews.tsv", string.Concat(SyntheticReviews.Create(300, seed: 12).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));
}
