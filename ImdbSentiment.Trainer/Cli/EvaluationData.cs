using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>What evaluate reads: the reviews, the aclImdb split they are (null for a delimited file) and the rows skipped.</summary>
internal sealed record EvaluationData(IReadOnlyList<LabeledReview> Reviews, string? Split, int SkippedRows);
