using System.Text.Json;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Reports;

[TestClass]
public sealed class MetricsJsonWriterTests
{
    [TestMethod]
    public void Write_GivesCamelCaseMetricsHistoryOutcomeDataOptionsAndCommand()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("report/metrics.json");

        MetricsJsonWriter.Write(
            path, Path.Combine("..", "imdb.zip"), ReportFixtures.Validation, ReportFixtures.Test, ReportFixtures.Training, ReportFixtures.TrainingData,
            ReportFixtures.SkippedRows, ReportFixtures.Options, ReportFixtures.CommandLine);

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        Assert.AreEqual(Path.Combine("..", "imdb.zip"), root.GetProperty("model").GetString(), "whose report it is, relative to the folder");
        var validation = root.GetProperty("validation");
        Assert.AreEqual(5000, validation.GetProperty("count").GetInt32());
        Assert.AreEqual(0.8123, validation.GetProperty("accuracy").GetDouble());
        Assert.AreEqual(0.8911, validation.GetProperty("auc").GetDouble());
        Assert.AreEqual(0.6012, validation.GetProperty("logLoss").GetDouble());
        Assert.AreEqual(1913, validation.GetProperty("truePositives").GetInt32());
        Assert.AreEqual(589, validation.GetProperty("falseNegatives").GetInt32());
        // An undefined AUC is null: strict JSON has no NaN.
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("test").GetProperty("auc").ValueKind);
        Assert.AreEqual(25000, root.GetProperty("test").GetProperty("count").GetInt32());
        Assert.AreEqual(12, root.GetProperty("skippedRows").GetProperty("training").GetInt32());
        Assert.AreEqual(3, root.GetProperty("skippedRows").GetProperty("test").GetInt32());

        var history = root.GetProperty("history");
        Assert.AreEqual(8, history.GetArrayLength());
        var second = history[1];
        var expected = ReportFixtures.History[1];
        Assert.AreEqual(2, second.GetProperty("epoch").GetInt32());
        Assert.AreEqual(expected.Loss, second.GetProperty("loss").GetDouble());
        Assert.AreEqual(expected.Accuracy, second.GetProperty("accuracy").GetDouble());
        Assert.AreEqual(expected.ValidationLoss, second.GetProperty("valLoss").GetDouble());
        Assert.AreEqual(expected.ValidationAccuracy, second.GetProperty("valAccuracy").GetDouble());
        Assert.AreEqual(2.5, second.GetProperty("seconds").GetDouble());

        Assert.AreEqual(6, root.GetProperty("bestEpoch").GetInt32());
        Assert.IsTrue(root.GetProperty("stoppedEarly").GetBoolean());
        Assert.IsFalse(root.GetProperty("cancelled").GetBoolean());

        var data = root.GetProperty("trainingData");
        Assert.AreEqual(2000, data.GetProperty("count").GetInt32());
        Assert.AreEqual(1012, data.GetProperty("positive").GetInt32());
        Assert.AreEqual(988, data.GetProperty("negative").GetInt32());
        Assert.AreEqual(0.1234, data.GetProperty("outOfVocabularyRate").GetDouble());
        Assert.AreEqual(ReportFixtures.TrainingData.MedianTokens, data.GetProperty("medianTokens").GetDouble());
        Assert.AreEqual(120, data.GetProperty("maxLength").GetInt32());
        Assert.IsFalse(data.TryGetProperty("tokenCounts", out _), "the per-review counts stay out");

        var options = root.GetProperty("options");
        Assert.AreEqual(1000, options.GetProperty("featurizer").GetProperty("vocabularySize").GetInt32());
        Assert.AreEqual("pre", options.GetProperty("featurizer").GetProperty("padding").GetString());
        var trainer = options.GetProperty("trainer");
        Assert.AreEqual("embedding-rnn", trainer.GetProperty("network").GetProperty("architecture").GetString());
        Assert.AreEqual(0.0001, trainer.GetProperty("optimizer").GetProperty("learningRate").GetDouble());
        Assert.AreEqual(2, trainer.GetProperty("fit").GetProperty("patience").GetInt32());
        Assert.AreEqual(0.2, trainer.GetProperty("fit").GetProperty("validationFraction").GetDouble());
        Assert.AreEqual(42, trainer.GetProperty("fit").GetProperty("splitSeed").GetInt32());
        Assert.AreEqual("random", options.GetProperty("splitBy").GetString());

        Assert.AreEqual(ReportFixtures.CommandLine, root.GetProperty("commandLine").GetString());
        Assert.Contains("\n  \"validation\"", File.ReadAllText(path).ReplaceLineEndings("\n"), "indented");
        CollectionAssert.AreEqual(new[] { Path.Combine("report", "metrics.json") }, folder.Files());
    }

    [TestMethod]
    public void Write_WithoutTestMetrics_WritesNull()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("metrics.json");

        MetricsJsonWriter.Write(
            path, "imdb.zip", ReportFixtures.Validation, null, ReportFixtures.Training, ReportFixtures.TrainingData,
            SkippedRowCounts.None, ReportFixtures.Options, ReportFixtures.CommandLine);

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.AreEqual(JsonValueKind.Null, json.RootElement.GetProperty("test").ValueKind);
    }
}
