using System.IO.Compression;
using ImdbSentiment.Tests.Cli;
using ImdbSentiment.Tests.Serving;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Faults;

/// <summary>Issue 10, item 6: no run leaves an ONNX file (or anything else) in $TMPDIR, whether it succeeds or fails.</summary>
[TestClass]
public sealed class TemporaryFileFaultTests
{
    private const string OnnxEntry = "TransformerChain/Transform_001/Transform_000/OnnxModel";
    private const string SpecNetworkEntry = "ImdbSentiment/model.onnx";

    [TestMethod]
    public void Train_LeavesNothingInTheTemporaryFolder()
    {
        using var fault = new FaultCase();
        var reviews = fault.Input("reviews.tsv", string.Concat(SyntheticReviews.Create(200, seed: 4).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));

        var outcome = fault.Run("train", "--dataset", reviews, "--vocab-size", "30", "--max-length", "20", "--epochs", "2", "--output", fault.PathOf("out/model.zip"));

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error + outcome.Output);
        fault.AssertNoTemporaryFiles();
    }

    [TestMethod]
    public void PredictAndScore_LeaveNothingInTheTemporaryFolder()
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", "text\ngreat film\n");

        var predicted = fault.Run("predict", "--model", FaultCase.ShippedModel, "great film");
        var scored = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", fault.PathOf("scored.csv"));

        Assert.AreEqual(0, predicted.ExitCode, predicted.Error);
        Assert.AreEqual(0, scored.ExitCode, scored.Error);
        fault.AssertOnlyLeft(fault.PathOf("scored.csv"));
    }

    [TestMethod]
    public void TheGeneratedConsumptionCode_RunInAnApp_LeavesNothingInTheTemporaryFolder()
    {
        using var fault = new FaultCase();
        Assert.AreEqual(ConsumptionCodeWriter.Render("imdb-sentiment.zip"), File.ReadAllText(Path.ChangeExtension(FaultCase.ShippedModel, ".consumption.cs")),
            "the sample app compiles the shipped consumption code, which must be what train writes");

        var outcome = TrainerProcess.RunAssembly(ConsumerProcessTests.ConsumerAssembly(), "great film\nawful film\n", fault.Environment, "--consumption-code");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        Assert.HasCount(2, outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        fault.AssertNoTemporaryFiles();
    }

    [TestMethod]
    [DataRow(OnnxEntry, 100, "evaluate", DisplayName = "ML.NET's ONNX entry, bytes that onnxruntime cannot parse (evaluate loads it)")]
    [DataRow(OnnxEntry, 0, "evaluate", DisplayName = "ML.NET's ONNX entry, empty (evaluate loads it)")]
    [DataRow(SpecNetworkEntry, 100, "predict", DisplayName = "the spec's network, bytes that onnxruntime cannot parse (predict scores with it)")]
    [DataRow(SpecNetworkEntry, 0, "predict", DisplayName = "the spec's network, empty (predict scores with it)")]
    public void LoadingAZipWithACorruptOnnxEntry_FailsClearly_AndLeavesNothingInTheTemporaryFolder(string entryName, int bytesKept, string command)
    {
        using var fault = new FaultCase();
        var model = fault.Remember(fault.PathOf("corrupt.zip"));
        File.Copy(FaultCase.ShippedModel, model);
        using (var zip = ZipFile.Open(model, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(entryName)!;
            using var original = new MemoryStream();
            using (var stream = entry.Open())
                stream.CopyTo(original);
            entry.Delete();
            using var corrupt = zip.CreateEntry(entryName).Open();
            var bytes = original.ToArray();
            corrupt.Write(bytes, 0, bytesKept);
            if (bytesKept > 0)
                corrupt.Write(Enumerable.Repeat((byte)0xFF, bytes.Length - bytesKept).ToArray());
        }
        var reviews = fault.Input("reviews.csv", "label,text\n1,great film\n0,awful film\n");

        var outcome = command == "predict"
            ? fault.Run("predict", "--model", model, "great film")
            : fault.Run("evaluate", "--model", model, "--dataset", reviews);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "corrupt.zip", "not a readable ImdbSentiment model zip");
        fault.AssertOnlyLeft();
    }
}
