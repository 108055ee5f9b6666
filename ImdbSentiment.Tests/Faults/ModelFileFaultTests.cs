using System.IO.Compression;
using Google.Protobuf;
using Onnx;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, items 6, 7 and 8: what makes a zip an ImdbSentiment model is a spec that parses and checks, not a marker
/// string anywhere; no entry is inflated past a bound; a model whose network gives NaN is refused when it is loaded,
/// not served; and onnxruntime's telemetry writes nothing, in TMPDIR or under the user's home.
/// </summary>
[TestClass]
public sealed class ModelFileFaultTests
{
    private const string SpecEntry = "ImdbSentiment/featurizer.json";

    [TestMethod]
    [DataRow("ImdbSentiment.SentimentOutput", DisplayName = "the output step's contract name")]
    [DataRow("{\"format\": \"imdb-sentiment-export\", \"version\": 1}", DisplayName = "a spec with only the marker")]
    public void AForeignZip_WithAMarkerEntry_IsRefused_ByPredictAndScore(string marker)
    {
        using var fault = new FaultCase();
        var model = fault.Remember(fault.PathOf("foreign.zip"));
        ForeignModelFaultTests.SaveForeignModel(model, "Text");
        using (var zip = ZipFile.Open(model, ZipArchiveMode.Update))
        {
            // Where the product's step (before) and spec (now) would be.
            Write(zip, "TransformerChain/Transform_009/Model.key", System.Text.Encoding.Unicode.GetBytes(marker));
            Write(zip, SpecEntry, System.Text.Encoding.UTF8.GetBytes(marker));
        }
        var reviews = fault.Input("reviews.csv", "text\na wonderful film\n");

        foreach (var outcome in new[]
        {
            fault.Run("predict", "--model", model, "a wonderful film"),
            fault.Run("score", "--model", model, "--input", reviews, "--output", fault.PathOf("scored.csv")),
        })
        {
            FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "foreign.zip", SpecEntry);
            Assert.AreEqual("", outcome.Output);
        }
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("TransformerChain/Model.key", DisplayName = "in an ML.NET entry")]
    [DataRow(SpecEntry, DisplayName = "in the spec")]
    public void AnEntryThatInflatesToHundredsOfMegabytes_IsRefusedBeforeItIsInflated(string entryName)
    {
        using var fault = new FaultCase();
        var model = fault.Remember(fault.PathOf("bomb.zip"));
        File.Copy(FaultCase.ShippedModel, model);
        using (var zip = ZipFile.Open(model, ZipArchiveMode.Update))
        {
            zip.GetEntry(entryName)?.Delete();
            using var stream = zip.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
                stream.Write(zeros);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var outcome = fault.Run("predict", "--model", model, "a wonderful film");

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "bomb.zip", entryName, "more than");
        Assert.IsLessThan(30, watch.Elapsed.TotalSeconds, "refused from the zip's directory, not after inflating");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void AModelWhoseNetworkGivesNaN_IsRefusedAtLoad_ByPredictScoreAndServe()
    {
        using var fault = new FaultCase();
        var model = fault.Remember(fault.PathOf("diverged.zip"));
        WriteDivergedCopy(FaultCase.ShippedModel, model);
        var reviews = fault.Input("reviews.csv", "text\na wonderful film\n");

        foreach (var outcome in new[]
        {
            fault.Run("predict", "--model", model, "a wonderful film"),
            fault.Run("score", "--model", model, "--input", reviews, "--output", fault.PathOf("scored.csv")),
            fault.Run("serve", "--model", model, "--urls", "http://127.0.0.1:0"),
        })
        {
            FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "diverged.zip", "NaN", "train it again");
            Assert.AreEqual("", outcome.Output);
        }
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void OnnxRuntimesTelemetry_WritesNothing_InTmpdirOrHome()
    {
        using var fault = new FaultCase();
        var home = fault.PathOf("home");
        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string>(fault.Environment) { ["HOME"] = home };
        var reviews = fault.Input("reviews.csv", "label,text\n1,a wonderful film\n0,a dull film\n");
        var scored = fault.PathOf("scored.csv");

        var outcomes = new[]
        {
            Cli.TrainerProcess.RunWith(null, environment, "predict", "--model", FaultCase.BestModel, "a wonderful film"),
            Cli.TrainerProcess.RunWith(null, environment, "score", "--model", FaultCase.ShippedModel, "--input", reviews, "--output", scored),
            Cli.TrainerProcess.RunWith(null, environment, "evaluate", "--model", FaultCase.ShippedModel, "--dataset", reviews),
        };

        foreach (var outcome in outcomes)
            Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(home, "*", SearchOption.AllDirectories).ToList(), "nothing under HOME");
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(fault.TempFolder, "*", SearchOption.AllDirectories).ToList(), "nothing in TMPDIR");
    }

    /// <summary>A copy of <paramref name="source"/> whose network (both ML.NET's copy and the spec's) has NaN weights, as a diverged training leaves.</summary>
    private static void WriteDivergedCopy(string source, string target)
    {
        File.Copy(source, target);
        using var zip = ZipFile.Open(target, ZipArchiveMode.Update);
        foreach (var entry in zip.Entries.Where(entry => entry.Name is "OnnxModel" or "model.onnx").ToList())
        {
            byte[] bytes;
            using (var stream = entry.Open())
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            // ML.NET's entry holds a 4-byte length before the model.
            var prefixed = entry.Name == "OnnxModel";
            var graph = ModelProto.Parser.ParseFrom(prefixed ? bytes[4..] : bytes);
            foreach (var tensor in graph.Graph.Initializer.Where(tensor => tensor.DataType == (int)TensorProto.Types.DataType.Float))
            {
                var values = tensor.FloatData.Count > 0 ? tensor.FloatData.Count : tensor.RawData.Length / sizeof(float);
                tensor.FloatData.Clear();
                tensor.RawData = ByteString.CopyFrom(Enumerable.Repeat(float.NaN, values).SelectMany(BitConverter.GetBytes).ToArray());
            }
            var model = graph.ToByteArray();
            var name = entry.FullName;
            entry.Delete();
            Write(zip, name, prefixed ? [.. BitConverter.GetBytes(model.Length), .. model] : model);
        }
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
