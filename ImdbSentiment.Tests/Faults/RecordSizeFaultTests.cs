using System.Text.Json;
using ImdbSentiment.Tests.Cli;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 11: one record (a CSV/TSV line, a line of standard input, an aclImdb review file, an explained file)
/// over the 1 MiB cap is refused naming its file and line, or skipped and counted with --skip-bad-rows, and memory
/// stays bounded whatever the input: an endless device, a 20 MB file without a line break, a pipe.
/// </summary>
[TestClass]
public sealed class RecordSizeFaultTests
{
    private const string Cap = "1,048,576";
    private const int TwentyMegabytes = 20 << 20;

    [TestMethod]
    public void Score_OfAnEndlessDevice_IsRefusedAtTheCap_InBoundedMemory()
    {
        using var fault = new FaultCase();
        var output = fault.PathOf("scored.csv");

        var run = MemoryBoundedRun.Run(fault, "score", "--model", FaultCase.ShippedModel, "--input", "/dev/zero", "--output", output);

        FaultAssert.OneErrorLine(run.Outcome, FaultAssert.Failure, "/dev/zero, line 1", Cap);
        MemoryBoundedRun.AssertBounded(run);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Score_OfA20MegabyteFileWithoutALineBreak_IsRefusedAtTheCap_InBoundedMemory()
    {
        using var fault = new FaultCase();
        var input = fault.InputBytes("one-line.csv", [.. "text\nfine "u8, .. Enumerable.Repeat((byte)'a', TwentyMegabytes)]);
        var output = fault.PathOf("scored.csv");

        var run = MemoryBoundedRun.Run(fault, "score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output);

        FaultAssert.OneErrorLine(run.Outcome, FaultAssert.Failure, "one-line.csv, line 2", Cap);
        MemoryBoundedRun.AssertBounded(run);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("reviews.csv", ",")]
    [DataRow("reviews.tsv", "\t")]
    public void AnOverlongReview_IsRefusedNamingItsLine_OrSkippedAndCounted(string name, string separator)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input(name, $"label{separator}text\n1{separator}a fine film\n0{separator}{new string('a', 2 << 20)}\n0{separator}a dull film\n");

        var refused = MemoryBoundedRun.Run(fault, "evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json");
        var skipped = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json", "--skip-bad-rows");

        FaultAssert.OneErrorLine(refused.Outcome, FaultAssert.Failure, $"{name}, line 3", Cap, "--skip-bad-rows");
        MemoryBoundedRun.AssertBounded(refused);
        Assert.AreEqual(0, skipped.ExitCode, skipped.Error);
        using var json = JsonDocument.Parse(skipped.Output);
        Assert.AreEqual(2, json.RootElement.GetProperty("count").GetInt32());
        Assert.AreEqual(1, json.RootElement.GetProperty("skippedRows").GetInt32());
    }

    [TestMethod]
    public void Predict_OfAnOverlongLineOnAPipe_IsRefusedNamingTheLine()
    {
        using var fault = new FaultCase();
        fault.CapManagedHeap(MemoryBoundedRun.HeapLimitBytes);

        var outcome = TrainerProcess.RunProgram("bash", null, fault.Environment, "-c",
            $"{{ head -c {TwentyMegabytes} /dev/zero | tr '\\0' a; }} 2>/dev/null | dotnet \"$0\" predict --model \"$1\"", TrainerProcess.Assembly(), FaultCase.ShippedModel);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "standard input, line 1", Cap);
    }

    [TestMethod]
    public void Explain_OfAnOverlongFile_IsRefusedNamingIt()
    {
        using var fault = new FaultCase();
        var review = fault.InputBytes("review.txt", [.. Enumerable.Repeat((byte)'a', TwentyMegabytes)]);

        var run = MemoryBoundedRun.Run(fault, "explain", "--model", FaultCase.ShippedModel, "--file", review);

        FaultAssert.OneErrorLine(run.Outcome, FaultAssert.Failure, "--file", "review.txt", Cap);
        MemoryBoundedRun.AssertBounded(run);
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void AnOverlongAclImdbReviewFile_IsRefusedNamingIt(bool archive)
    {
        using var fault = new FaultCase();
        var dataset = fault.InputAclImdb(archive ? "big.tar.gz" : "big", archive,
        [
            ("aclImdb/test/pos/0_10.txt", "Superb acting, loved it."), ("aclImdb/test/pos/1_9.txt", new string('a', 2 << 20)),
            ("aclImdb/test/neg/0_1.txt", "Awful. The worst film I have seen."),
        ]);

        var outcome = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json");

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "1_9.txt", Cap);
        fault.AssertOnlyLeft();
    }
}
