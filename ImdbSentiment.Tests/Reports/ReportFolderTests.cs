using System.Text.Json;
using ImdbSentiment.Model.Rnn;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Reports;

[TestClass]
public sealed class ReportFolderTests
{
    [TestMethod]
    public void Write_FillsTheReportFolderAndPutsTheConsumptionCodeBesideTheModel_LeavingNoTemporaryFiles()
    {
        using var folder = new ScratchFolder();
        var modelPath = folder.File("models/imdb.zip");
        var reportDirectory = ReportFolder.DefaultFor(modelPath);
        // As the train command gives them: the network's vocabulary size is left at its default.
        var options = ReportFixtures.Options with { Network = ReportFixtures.Options.Network with { VocabularySize = 500 } };

        ReportFolder.Write(new ReportInputs(
            reportDirectory, modelPath, "/data/aclImdb", ["/app/imdb-sentiment.dll", "train", "--vocab-size", "1000"], options,
            ModelSummary.Describe(ReportFixtures.Options.Network, 120), ReportFixtures.TrainingData, ReportFixtures.Training,
            ReportFixtures.Validation, ReportFixtures.Test, ReportFixtures.SkippedRows));

        Assert.AreEqual(folder.File("models/imdb-report"), reportDirectory);
        CollectionAssert.AreEqual(
            new[]
            {
                Path.Combine("models", "imdb.consumption.cs"),
                Path.Combine("models", "imdb-report", ReportFolder.MetricsFileName),
                Path.Combine("models", "imdb-report", ReportFolder.ModelCardFileName),
                Path.Combine("models", "imdb-report", ReportFolder.LengthHistogramFileName),
                Path.Combine("models", "imdb-report", ReportFolder.TrainingCurvesFileName),
            }.Order(StringComparer.Ordinal).ToArray(),
            folder.Files());

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDirectory, ReportFolder.MetricsFileName)));
        Assert.AreEqual(
            CommandLineText.Format(["/app/imdb-sentiment.dll", "train", "--vocab-size", "1000"], Environment.CurrentDirectory),
            json.RootElement.GetProperty("commandLine").GetString());
        StringAssert.EndsWith(json.RootElement.GetProperty("commandLine").GetString(), "&& dotnet /app/imdb-sentiment.dll train --vocab-size 1000");
        Assert.AreEqual(1000, json.RootElement.GetProperty("options").GetProperty("network").GetProperty("vocabularySize").GetInt32());
        Assert.Contains("mlContext.Model.Load(\"imdb.zip\", out _)", File.ReadAllText(Path.Combine(reportDirectory, ReportFolder.ModelCardFileName)));
    }

    [TestMethod]
    public void Write_CancelledBeforeAnyEpoch_SkipsOnlyTheTrainingCurves()
    {
        using var folder = new ScratchFolder();
        var modelPath = folder.File("imdb.zip");
        var reportDirectory = folder.File("report");

        ReportFolder.Write(new ReportInputs(
            reportDirectory, modelPath, "/data/aclImdb", ["imdb-sentiment", "train"], ReportFixtures.Options,
            ModelSummary.Describe(ReportFixtures.Options.Network, 120), ReportFixtures.TrainingData,
            new TrainingResult([], 0, StoppedEarly: false, Cancelled: true), ReportFixtures.Validation, null, SkippedRowCounts.None));

        Assert.IsFalse(File.Exists(Path.Combine(reportDirectory, ReportFolder.TrainingCurvesFileName)));
        Assert.IsTrue(File.Exists(Path.Combine(reportDirectory, ReportFolder.LengthHistogramFileName)));
        Assert.IsTrue(File.Exists(Path.Combine(reportDirectory, ReportFolder.ModelCardFileName)));
    }
}
