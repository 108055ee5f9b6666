namespace ImdbSentiment.Model;

/// <summary>Column names shared by the featurizer, the recurrent estimator and the saved model.</summary>
public static class ColumnNames
{
    public const string Text = "Text";
    public const string Label = "Label";
    public const string Tokens = "Tokens";
    public const string TokenKeys = "TokenKeys";
    public const string TokenKeyValues = "TokenKeyValues";
    public const string SequenceLength = "SequenceLength";
    public const string SequencePadding = "SequencePadding";
    public const string SequenceTruncating = "SequenceTruncating";

    /// <summary>The featurizer's output: token ids padded/truncated to the max length (0 pad, 1 start, 2 OOV).</summary>
    public const string TokenIds = "TokenIds";

    public const string Score = "Score";
    public const string Probability = "Probability";
    public const string PredictedLabel = "PredictedLabel";
}
