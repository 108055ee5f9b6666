using System.Diagnostics;
using System.Globalization;
using ImdbSentiment.Model;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Rnn;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Serving;

[TestClass]
public sealed class ConsumerProcessTests
{
    [TestMethod]
    [DataRow(NetworkArchitecture.OneHotRnn)]
    [DataRow(NetworkArchitecture.EmbeddingRnn)]
    [DataRow(NetworkArchitecture.Lstm, 2, true)]
    public void AppWithoutTorchSharpNatives_LoadsTheZipAndMatchesTorchSharp(NetworkArchitecture architecture, int layers = 1, bool bidirectional = false)
    {
        var consumer = ConsumerAssembly();
        var consumerFolder = Path.GetDirectoryName(consumer)!;
        Assert.IsEmpty(Directory.GetFiles(consumerFolder, "*torch*", SearchOption.AllDirectories), "a serving app carries no TorchSharp, managed or native");
        Assert.IsEmpty(Directory.GetFiles(consumerFolder, "ImdbSentiment.Training.dll", SearchOption.AllDirectories), "nor the training library");

        var data = new FeaturizedData(1200, seed: 11);
        var trained = new SentimentNetworkTrainer(data.MLContext, FeaturizedData.Options(architecture).WithNetwork(network => network with { Layers = layers, Bidirectional = bidirectional })).Train(data.Featurized, data.Featurized);
        using var folder = new DataFixtures();
        var modelPath = folder.PathOf("model.zip");
        var reviewsPath = folder.PathOf("reviews.txt");
        SentimentModel.Save(data.MLContext, data.Featurizer.Append(trained.Transformer), data.Raw.Schema, modelPath);
        File.WriteAllLines(reviewsPath, data.Reviews.Select(review => review.Text));
        // Only the zip remains: the consumer must not need anything the training left behind.
        Assert.HasCount(2, Directory.GetFiles(folder.Folder));

        var lines = Run(consumer, modelPath, reviewsPath);

        using var tensors = SequenceTensors.FromDataView(data.Featurized);
        trained.Network.eval();
        float[] expected;
        using (no_grad())
            expected = trained.Network.call(tensors.Range(0, tensors.Count)).sigmoid().data<float>().ToArray();
        Assert.HasCount(expected.Length, lines);
        for (var i = 0; i < expected.Length; i++)
        {
            var fields = lines[i].Split('\t');
            var probability = float.Parse(fields[0], CultureInfo.InvariantCulture);
            Assert.AreEqual(expected[i], probability, 1e-5, $"review {i}");
            Assert.AreEqual(probability >= 0.5f ? "positive" : "negative", fields[1]);
        }
    }

    private static string[] Run(string assembly, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.IsTrue(process.WaitForExit(120_000), "the consumer did not finish in 2 minutes");
        Assert.AreEqual(0, process.ExitCode, error.Result);
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    internal static string ConsumerAssembly() => BuiltAssembly.Of(Path.Combine("samples", "ImdbSentiment.Consumer"), "ImdbSentiment.Consumer");
}
