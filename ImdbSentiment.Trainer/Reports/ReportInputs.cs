using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>What the train command hands the report folder.</summary>
/// <param name="DataSource">The data set path the training reviews came from.</param>
/// <param name="CommandLineArgs">As <see cref="Environment.GetCommandLineArgs"/> gives them: the program first.</param>
/// <param name="Options">The options the run trained with.</param>
/// <param name="Test">Null when there was no test set.</param>
internal sealed record ReportInputs(
    string ReportDirectory,
    string ModelPath,
    string DataSource,
    IReadOnlyList<string> CommandLineArgs,
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
}
