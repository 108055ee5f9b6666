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

    public const string NgramLength = "NgramLength";
    public const string Ngrams = "Ngrams";
    public const string NgramKeys = "NgramKeys";
    public const string NgramKeyValues = "NgramKeyValues";

    /// <summary>The featurizer's n-gram output, when asked for: each distinct vocabulary n-gram's id once, after the padding id 0.</summary>
    public const string NgramIds = "NgramIds";

    public const string Score = "Score";
    public const string Probability = "Probability";
    public const string PredictedLabel = "PredictedLabel";
}
