using System.Diagnostics;
using System.Globalization;
using ImdbSentiment.Model;
using ImdbSentiment.Tests.Cli;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Export;

/// <summary>
/// Issue 12, item 2, opt-in (it needs Debian's python3 with numpy and onnxruntime): samples/python/predict.py, which
/// knows the featurizer only from featurizer.json, gives the zip's probabilities within 1e-5 on 2,500 reviews of the
/// shared archive and the edge texts, for both shipped models.
/// </summary>
[TestClass]
public sealed class PythonConsumerTests
{
    private const string Python = "/usr/bin/python3";
    private const double Tolerance = 1e-5;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("EndToEnd")]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-ngram.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void PredictPy_ReproducesTheZipsProbabilities(string modelFile)
    {
        RequirePythonWithOnnxRuntime();
        using var export = new ExportedModel(modelFile);
        var reviews = ExportedModel.Reviews(stride: 10);
        Assert.IsGreaterThanOrEqualTo(2_000, reviews.Length);

        var script = Path.Combine(DataFixtures.FindRepoRoot()!, "samples", "python", "predict.py");
        var watch = Stopwatch.StartNew();
        var (exitCode, output, error) = Run(Python, string.Join('\n', reviews) + "\n", script, export.Folder);
        watch.Stop();
        Assert.AreEqual(0, exitCode, error);
        Assert.AreEqual("", error.Split('\n')[0], "predict.py keeps onnxruntime's start-up noise off standard error");
        var probabilities = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => double.Parse(line, CultureInfo.InvariantCulture)).ToArray();
        Assert.HasCount(reviews.Length, probabilities);

        using var model = SentimentModel.Load(export.ModelPath);
        var engine = model.CreatePredictionEngine();
        var differences = reviews.Select((text, i) => Math.Abs(probabilities[i] - engine.Predict(new() { Text = text }).Probability)).ToArray();
        var largest = differences.Max();
        TestContext.WriteLine($"{modelFile}: {reviews.Length} reviews in {watch.Elapsed.TotalSeconds:F1} s, largest |python - zip| = {largest:G3} (review {Array.IndexOf(differences, largest)})");
        Assert.IsLessThanOrEqualTo(Tolerance, largest);
    }

    private static void RequirePythonWithOnnxRuntime()
    {
        if (!File.Exists(Python))
            Assert.Inconclusive($"{Python} is absent (Debian: apt-get install python3-numpy python3-onnxruntime).");
        var (exitCode, _, error) = Run(Python, null, "-c", "import numpy, onnxruntime");
        if (exitCode != 0)
            Assert.Inconclusive($"{Python} lacks numpy or onnxruntime (Debian: apt-get install python3-numpy python3-onnxruntime): {error.Trim().Split('\n')[^1]}");
    }

    private static TrainerProcess.Outcome Run(string program, string? standardInput, params string[] arguments) =>
        TrainerProcess.RunProgram(program, standardInput, null, arguments);
}
