namespace ImdbSentiment.Model.Text;

/// <summary>The featurizer's settings, with the Keras recipe's values as defaults.</summary>
public sealed record FeaturizerOptions
{
    /// <summary>Counts the 3 reserved ids, like Keras's <c>num_words</c>.</summary>
    public int VocabularySize { get; init; } = 500;

    public int MaxLength { get; init; } = 100;

    public SequenceSide Padding { get; init; } = SequenceSide.Pre;

    /// <summary>Keras's default 'pre' keeps the last tokens of a long review.</summary>
    public SequenceSide Truncating { get; init; } = SequenceSide.Pre;

    public void Validate()
    {
        if (VocabularySize <= Vocabulary.ReservedIds)
            throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, $"must be more than {Vocabulary.ReservedIds} (it counts the reserved ids 0, 1 and 2)");
        if (MaxLength < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxLength), MaxLength, "must be at least 1");
    }
}
