using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>What the model card tells.</summary>
/// <param name="DataSource">The data set path the training reviews came from.</param>
/// <param name="CommandLine">The exact command that trained the model.</param>
/// <param name="Options">The options as trained (the network's vocabulary size equal to the featurizer's).</param>
/// <param name="Test">Null when there was no test set.</param>
internal sealed record ModelCardContent(
    string ModelFileName,
    string DataSource,
    string CommandLine,
    ModelSummary Model,
    SentimentTrainingOptions Options,
    DataSummary TrainingData,
    TrainingResult Training,
    SentimentMetrics Validation,
    SentimentMetrics? Test,
    SkippedRowCounts SkippedRows)
{
    /// <summary>The test set's name in the card's tables.</summary>
    public string TestSetName { get; init; } = "Test";
}
