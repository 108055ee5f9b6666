using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>What the train command hands the report folder: the run's settings, data, results and how it was started.</summary>
/// <param name="DataSource">The data set path the training reviews came from.</param>
/// <param name="CommandLine">The command that trained the model as one shell line (<see cref="CommandLineText.Format"/>).</param>
/// <param name="Options">The options the run trained with.</param>
/// <param name="Test">Null when there was no test set.</param>
internal sealed record ReportInputs(
    string ReportDirectory,
    string ModelPath,
    string DataSource,
    string CommandLine,
    SentimentTrainingOptions Options,
    ModelSummary Model,
    DataSummary TrainingData,
    TrainingResult Training,
    SentimentMetrics Validation,
    SentimentMetrics? Test,
    SkippedRowCounts SkippedRows)
{
    /// <summary>What the test set is, as the card names it: the archive's test split, or the held-out development-test set.</summary>
    public string TestSetName { get; init; } = "Test";

    public string ModelFileName => Path.GetFileName(ModelPath);
}
