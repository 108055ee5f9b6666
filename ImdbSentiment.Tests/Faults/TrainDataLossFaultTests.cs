using ImdbSentiment.Tests.Cli;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, items 3 and 16: train never writes over a file it reads, whatever path names it; an existing report
/// folder is replaced only with --force, and says whose report it was; a train that fails (a full disk) leaves nothing
/// half-written, not even an empty report folder.
/// </summary>
[TestClass]
public sealed class TrainDataLossFaultTests
{
    private static readonly string[] Small = ["--vocab-size", "40", "--max-length", "20", "--epochs", "1", "--init-trials", "1"];

    [TestMethod]
    [DataRow("--dataset", "same")]
    [DataRow("--dataset", "hard link")]
    [DataRow("--validation-dataset", "symbolic link")]
    [DataRow("--test-dataset", "same")]
    public void Train_AnOutputThatIsAnInput_IsRefusedBeforeTheFirstEpoch_EvenWithForce(string flag, string spelling)
    {
        using var fault = new FaultCase();
        var dataset = Reviews(fault, "reviews.tsv", seed: 12);
        var other = Reviews(fault, "other.tsv", seed: 13);
        var input = flag == "--dataset" ? dataset : other;
        var original = File.ReadAllText(input);
        var output = spelling switch
        {
            "same" => input,
            "hard link" => Linked(fault, input, hard: true),
            _ => Linked(fault, input, hard: false),
        };
        string[] inputs = flag == "--dataset" ? ["--dataset", dataset] : ["--dataset", dataset, flag, other];

        var outcome = fault.Run(["train", .. inputs, .. Small, "--output", output, "--force"]);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--output", $"the {flag} file {input}");
        Assert.DoesNotContain("Epoch 1/", outcome.Output);
        Assert.AreEqual(original, File.ReadAllText(input));
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_AReportFolderThatWouldWriteOverAnInput_IsRefused()
    {
        using var fault = new FaultCase();
        var dataset = Reviews(fault, "data/metrics.json", seed: 12);
        var original = File.ReadAllText(dataset);

        var outcome = fault.Run(["train", "--dataset", dataset, .. Small, "--output", fault.PathOf("model.zip"), "--report-dir", fault.PathOf("data")]);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--report-dir", $"the --dataset file {dataset}");
        Assert.AreEqual(original, File.ReadAllText(dataset));
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_IntoAnotherModelsReportFolder_IsRefusedWithoutForce_AndNamesThatModel()
    {
        using var fault = new FaultCase();
        var dataset = Reviews(fault, "reviews.tsv", seed: 12);
        var first = fault.PathOf("first.zip");
        var firstRun = fault.Run(["train", "--dataset", dataset, .. Small, "--output", first]);
        Assert.AreEqual(0, firstRun.ExitCode, firstRun.Error);
        var report = fault.PathOf("first-report");
        var before = Directory.GetFiles(report).ToDictionary(file => file, File.ReadAllBytes);

        var refused = fault.Run(["train", "--dataset", dataset, .. Small, "--seed", "7", "--output", fault.PathOf("second.zip"), "--report-dir", report]);

        FaultAssert.OneErrorLine(refused, FaultAssert.Failure, "--report-dir", "the report of another model", first, "--force");
        foreach (var (file, bytes) in before)
            CollectionAssert.AreEqual(bytes, File.ReadAllBytes(file), $"{file} is kept");
        Assert.IsFalse(File.Exists(fault.PathOf("second.zip")));

        var forced = fault.Run(["train", "--dataset", dataset, .. Small, "--seed", "7", "--output", fault.PathOf("second.zip"), "--report-dir", report, "--force"]);
        Assert.AreEqual(0, forced.ExitCode, forced.Error);
        StringAssert.Contains(forced.Output, $"replacing the report of another model, {first}");
    }

    [TestMethod]
    public void Train_OnAFullDisk_FailsWithOneLine_AndLeavesNothingThere()
    {
        using var fault = new FaultCase();
        var dataset = Reviews(fault, "reviews.tsv", seed: 12);
        using var disk = SpecialFiles.SmallDisk(fault, "disk", kibibytes: 64);
        Fill(fault.PathOf("disk/filler"));

        var outcome = fault.Run(["train", "--dataset", dataset, .. Small, "--output", fault.PathOf("disk/out/model.zip")]);

        Assert.AreEqual(FaultAssert.Failure, outcome.ExitCode, outcome.Output + outcome.Error);
        StringAssert.Contains(outcome.Error, "No space left on device");
        CollectionAssert.AreEqual(new[] { "filler" }, Directory.GetFileSystemEntries(fault.PathOf("disk")).Select(Path.GetFileName).ToArray(),
            "no report folder, no folder made for the output, no temporary file");
    }

    private static void Fill(string path)
    {
        var block = new byte[4096];
        try
        {
            using var file = File.Create(path, block.Length, FileOptions.WriteThrough);
            while (true)
                file.Write(block);
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static string Linked(FaultCase fault, string input, bool hard)
    {
        var link = fault.PathOf("link-to-input.tsv");
        var outcome = hard ? TrainerProcess.RunProgram("ln", null, null, input, link) : TrainerProcess.RunProgram("ln", null, null, "-s", input, link);
        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        return fault.Remember(link);
    }

    private static string Reviews(FaultCase fault, string name, int seed) =>
        fault.Input(name, string.Concat(SyntheticReviews.Create(300, seed).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));
}
