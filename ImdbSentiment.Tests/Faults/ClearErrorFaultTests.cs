using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text.Json;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 12: every refusal is one error line naming the flag or file and what was expected, with the
/// documented exit code: no stack trace, no multi-line message, no internal temporary file, no hang.
/// </summary>
[TestClass]
public sealed class ClearErrorFaultTests
{
    [TestMethod]
    [DataRow("--split-by", "banana", "random")]
    [DataRow("--architecture", "banana", "lstm")]
    [DataRow("--optimizer", "banana", "adam")]
    [DataRow("--refit", "maybe", "on")]
    public void AValueNotAmongAFlagsChoices_IsOneLineNamingTheFlagAndTheChoices(string flag, string value, string choice)
    {
        using var fault = new FaultCase();

        var outcome = fault.Run("train", "--dataset", "reviews.tsv", flag, value);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, flag, $"'{value}'", choice);
    }

    [TestMethod]
    [DataRow("train", "--label-col")]
    [DataRow("train", "--text-col")]
    [DataRow("train", "--group-col")]
    [DataRow("evaluate", "--label-col")]
    [DataRow("score", "--text-col")]
    public void ANegativeColumnIndex_IsAUsageErrorNamingTheFlag(string command, string flag)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", "text\tlabel\tmovie\na fine film\t1\tm1\na dull film\t0\tm2\n");
        string[] arguments = command switch
        {
            "train" => ["train", "--dataset", dataset, "--output", fault.PathOf("never.zip")],
            "evaluate" => ["evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset],
            _ => ["score", "--model", FaultCase.ShippedModel, "--input", dataset, "--output", fault.PathOf("scored.csv")],
        };

        var outcome = fault.Run([.. arguments, flag, "-1"]);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, $"{flag} -1", "0 or more");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("train")]
    [DataRow("evaluate")]
    public void ATruncatedArchive_IsNamed_AndCalledIncomplete(string command)
    {
        using var fault = new FaultCase();
        var reviews = SyntheticReviews.Create(300, seed: 4).Select((r, i) => ($"aclImdb/{(i % 2 == 0 ? "train" : "test")}/{(r.Label ? "pos" : "neg")}/{i}_{(r.Label ? 9 : 2)}.txt", r.Text));
        var whole = fault.InputAclImdb("whole.tar.gz", archive: true, reviews);
        var bytes = File.ReadAllBytes(whole);
        var truncated = fault.InputBytes("truncated.tar.gz", bytes[..(bytes.Length / 2)]);

        var outcome = fault.Run(Arguments(fault, command, truncated));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "truncated.tar.gz", "ends before");
        fault.AssertOnlyLeft();
    }

    /// <summary>Cut right after an entry's header, the tar reader gives that entry an empty stream, not an error.</summary>
    [TestMethod]
    [DataRow("train")]
    [DataRow("evaluate")]
    public void AnArchiveCutAfterAnEntrysHeader_IsCalledIncomplete_NotAnEmptyReview(string command)
    {
        using var fault = new FaultCase();
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, leaveOpen: true))
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "aclImdb/train/pos/0_9.txt") { DataStream = new MemoryStream("a fine film"u8.ToArray()) });
        const int headerEnd = 512; // one header block, then the entry's data block and the archive's two zero blocks, cut off
        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionMode.Compress, leaveOpen: true))
            compressor.Write(tar.ToArray(), 0, headerEnd);
        var cut = fault.InputBytes("cut.tar.gz", gzip.ToArray());

        var outcome = fault.Run(Arguments(fault, command, cut));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "cut.tar.gz", "ends before");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("train")]
    [DataRow("evaluate")]
    public void ATextFileNamedTarGz_IsNamed_AndCalledNotGzip(string command)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tar.gz", "text\tlabel\na fine film\t1\na dull film\t0\n");

        var outcome = fault.Run(Arguments(fault, command, dataset));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "reviews.tar.gz", "not gzip");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void SplitByMovie_WithoutGroups_NamesTheFlagAndTheFile()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", string.Concat(SyntheticReviews.Create(40, seed: 8).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));

        var outcome = fault.Run("train", "--dataset", dataset, "--split-by", "movie", "--output", fault.PathOf("never.zip"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--split-by movie", "reviews.tsv", "--group-col");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("predict")]
    [DataRow("score")]
    [DataRow("explain")]
    public void ACorruptNetworkInsideTheModelZip_NamesTheZip_NotATemporaryFile(string command)
    {
        using var fault = new FaultCase();
        var model = fault.PathOf("corrupt.zip");
        File.Copy(FaultCase.ShippedModel, model);
        using (var zip = ZipFile.Open(model, ZipArchiveMode.Update))
        {
            // Both copies of the network: ML.NET's entry and the model spec's, which the commands score with.
            foreach (var network in zip.Entries.Where(entry => entry.Name is "OnnxModel" or "model.onnx").ToList())
            {
                var name = network.FullName;
                network.Delete();
                using var garbage = zip.CreateEntry(name).Open();
                garbage.Write(new byte[] { 0x08, 0x07, 0x12, 0xff, 0xff, 0x01, 0x42, 0x00, 0x13, 0x37 });
            }
        }
        fault.Remember(model);
        var input = fault.Input("input.csv", "text\na fine film\n");

        var outcome = fault.Run(command switch
        {
            "predict" => ["predict", "--model", model, "a fine film"],
            "score" => ["score", "--model", model, "--input", input, "--output", fault.PathOf("scored.csv")],
            _ => ["explain", "--model", model, "a fine film"],
        });

        var line = FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "corrupt.zip");
        Assert.DoesNotContain(fault.TempFolder, line);
        Assert.DoesNotContain(".onnx", line);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("predict")]
    [DataRow("serve")]
    [DataRow("evaluate")]
    public void AFifoAsTheModel_IsRefusedAtOnce_NotWaitedOn(string command)
    {
        using var fault = new FaultCase();
        var fifo = fault.Remember(fault.PathOf("model.zip"));
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
            mkfifo.WaitForExit();
        var dataset = fault.Input("reviews.tsv", "text\tlabel\na fine film\t1\n");

        using var run = new RunningCommand(fault, command switch
        {
            "predict" => ["predict", "--model", fifo, "a fine film"],
            "serve" => ["serve", "--model", fifo, "--urls", "http://127.0.0.1:0"],
            _ => ["evaluate", "--model", fifo, "--dataset", dataset],
        });
        run.WaitUntil(() => run.ErrorSoFar.Contains("error:"), "the refusal");

        FaultAssert.OneErrorLine(run.WaitForExit(), FaultAssert.Usage, $"--model {fifo}", "not a regular file");
    }

    [TestMethod]
    [DataRow("http://localhost:0")]
    [DataRow("http://127.0.0.1:0")]
    public async Task Serve_OnPortZero_ListensOnAFreePort_AndSaysWhich(string urls)
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault, "--urls", urls);
        using var client = serve.Client();

        Assert.AreNotEqual(0, serve.Port);
        using var response = await client.GetAsync("/health");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.AreEqual("", serve.Command.ErrorSoFar);
    }

    [TestMethod]
    [DataRow("http://[::ffff:0.0.0.0]:0", "IPv4-mapped")]
    [DataRow("http://[::ffff:127.0.0.1]:0", "IPv4-mapped")]
    [DataRow("http://224.0.0.1:0", "multicast")]
    [DataRow("http://255.255.255.255:0", "broadcast")]
    public void Serve_OnAnAddressNoSocketCanListenOn_IsOneUsageErrorLine(string urls, string why)
    {
        using var fault = new FaultCase();

        var outcome = fault.Run("serve", "--model", FaultCase.ShippedModel, "--urls", urls);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, "--urls", urls, why);
        fault.AssertOnlyLeft();
    }

    private static string[] Arguments(FaultCase fault, string command, string dataset) => command == "train"
        ? ["train", "--dataset", dataset, "--output", fault.PathOf("never.zip")]
        : ["evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset];
}
