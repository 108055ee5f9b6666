using System.Text.Json;
using ImdbSentiment.Trainer.Reports;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

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
        var options = ReportFixtures.Options with { Trainer = ReportFixtures.Options.Trainer.WithFit(fit => fit with { CheckpointPath = Path.Combine(reportDirectory, ReportFolder.CheckpointFileName) }) };

        ReportFolder.Write(new ReportInputs(
            reportDirectory, modelPath, "/data/aclImdb", CommandLineText.Format(["/app/imdb-sentiment.dll", "train", "--vocab-size", "1000"], Environment.CurrentDirectory), options,
            ModelSummary.Describe(ReportFixtures.Options.Trainer.Network, NetworkInputs.Planned(ReportFixtures.Options.Featurizer), 120), ReportFixtures.TrainingData, ReportFixtures.Training,
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
        Assert.AreEqual(1000, json.RootElement.GetProperty("options").GetProperty("featurizer").GetProperty("vocabularySize").GetInt32());
        Assert.AreEqual(
            Path.Combine(reportDirectory, ReportFolder.CheckpointFileName),
            json.RootElement.GetProperty("options").GetProperty("trainer").GetProperty("fit").GetProperty("checkpointPath").GetString(),
            "the report describes the run as trained, checkpoint included");
        var trainer = json.RootElement.GetProperty("options").GetProperty("trainer");
        Assert.AreEqual("rmsprop", trainer.GetProperty("optimizer").GetProperty("algorithm").GetString(), "spelt as the --optimizer flag takes it");
        Assert.AreEqual("last", trainer.GetProperty("network").GetProperty("pooling").GetString());
        Assert.AreEqual("pre", json.RootElement.GetProperty("options").GetProperty("featurizer").GetProperty("padding").GetString());
        Assert.Contains("mlContext.Model.Load(\"imdb.zip\", out _)", File.ReadAllText(Path.Combine(reportDirectory, ReportFolder.ModelCardFileName)));
    }

    [TestMethod]
    public void Write_CancelledBeforeAnyEpoch_SkipsOnlyTheTrainingCurves()
    {
        using var folder = new ScratchFolder();
        var modelPath = folder.File("imdb.zip");
        var reportDirectory = folder.File("report");

        ReportFolder.Write(new ReportInputs(
            reportDirectory, modelPath, "/data/aclImdb", "imdb-sentiment train", ReportFixtures.Options,
            ModelSummary.Describe(ReportFixtures.Options.Trainer.Network, NetworkInputs.Planned(ReportFixtures.Options.Featurizer), 120), ReportFixtures.TrainingData,
            new TrainingResult([], 0, StoppedEarly: false, Cancelled: true), ReportFixtures.Validation, null, SkippedRowCounts.None));

        Assert.IsFalse(File.Exists(Path.Combine(reportDirectory, ReportFolder.TrainingCurvesFileName)));
        Assert.IsTrue(File.Exists(Path.Combine(reportDirectory, ReportFolder.LengthHistogramFileName)));
        Assert.IsTrue(File.Exists(Path.Combine(reportDirectory, ReportFolder.ModelCardFileName)));
    }
}
