using System.Text.Json;
using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>Writes metrics.json: the run's metrics, history, outcome, training data summary, rows skipped, options and command line.</summary>
internal static class MetricsJsonWriter
{
    /// <param name="model">The model the report describes, relative to the report folder: whose report it is.</param>
    /// <param name="test">Null when there was no test set.</param>
    public static void Write(
        string path, string model, SentimentMetrics validation, SentimentMetrics? test, TrainingResult training, DataSummary trainingData,
        SkippedRowCounts skippedRows, SentimentTrainingOptions options, string commandLine)
    {
        var document = new MetricsDocument(
            validation,
            test,
            [.. training.History.Select(epoch => new EpochEntry(
                epoch.Epoch, epoch.Loss, epoch.Accuracy, epoch.ValidationLoss, epoch.ValidationAccuracy, epoch.Duration.TotalSeconds))],
            training.BestEpoch,
            training.StoppedEarly,
            training.Cancelled,
            training.Initialization,
            training.WordVectors,
            training.Fusion,
            DataEntry.From(trainingData),
            skippedRows,
            options,
            commandLine,
            model);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, ReportJson.Options));
    }

    private sealed record MetricsDocument(
        SentimentMetrics Validation, SentimentMetrics? Test, IReadOnlyList<EpochEntry> History, int BestEpoch,
        bool StoppedEarly, bool Cancelled, InitializationTrials? Initialization, WordVectorCoverage? WordVectors, FusionResult? Fusion, DataEntry TrainingData, SkippedRowCounts SkippedRows,
        SentimentTrainingOptions Options, string CommandLine, string Model);

    // Keras's log names for the validation columns.
    private sealed record EpochEntry(int Epoch, double Loss, double Accuracy, double ValLoss, double ValAccuracy, double Seconds);

    // The summary without its per-review token counts.
    private sealed record DataEntry(
        int Count, int Positive, int Negative, double MeanTokens, double MedianTokens, double Percentile90Tokens, int MaxTokens,
        double OutOfVocabularyRate, double TruncatedShare, int MaxLength)
    {
        public static DataEntry From(DataSummary summary) => new(
            summary.Count, summary.Positive, summary.Negative, summary.MeanTokens, summary.MedianTokens, summary.Percentile90Tokens,
            summary.MaxTokens, summary.OutOfVocabularyRate, summary.TruncatedShare, summary.MaxLength);
    }
}
