namespace ImdbSentiment.Model.Text;

/// <summary>The featurizer's settings, with the Keras recipe's values as defaults.</summary>
public sealed record FeaturizerOptions
{
    /// <summary>Counts the 3 reserved ids, like Keras's <c>num_words</c>.</summary>
    public int VocabularySize { get; init; } = 500;

    /// <summary>The column of raw review text; another name than Text adds a copy to Text first (the zip then needs that column).</summary>
    public string TextColumnName { get; init; } = ColumnNames.Text;

    public int MaxLength { get; init; } = 100;

    public SequenceSide Padding { get; init; } = SequenceSide.Pre;

    /// <summary>Keras's default 'pre' keeps the last tokens of a long review.</summary>
    public SequenceSide Truncating { get; init; } = SequenceSide.Pre;

    /// <summary>
    /// Longest word n-gram the featurizer also emits as <see cref="ColumnNames.NgramIds"/> for an n-gram branch:
    /// 0 for none, 1 for words, 2 for words and bigrams, 3 with trigrams too.
    /// </summary>
    public int NgramLength { get; init; }

    /// <summary>N-gram ids, counting the padding id 0: the most frequent training n-grams get ids 1 to this size - 1.</summary>
    public int NgramVocabularySize { get; init; } = 800_000;

    /// <summary>
    /// Ceilings, checked before any data is read: more words than the whole aclImdb vocabulary (imdb.vocab: 89,527),
    /// every review held padded to the length in memory (the longest IMDB review has about 2,500 words), n-gram weights
    /// that already fill most of a model zip's 50 MB graph.
    /// </summary>
    public const int MostVocabularySize = 1_000_000, MostMaxLength = 10_000, MostNgramVocabularySize = 10_000_000;

    public void Validate()
    {
        if (VocabularySize <= Vocabulary.ReservedIds)
            throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, $"must be more than {Vocabulary.ReservedIds} (it counts the reserved ids 0, 1 and 2)");
        if (NgramLength is < 0 or > Ngrams.LongestSupported)
            throw new ArgumentOutOfRangeException(nameof(NgramLength), NgramLength, $"must be 0 (no n-gram ids) to {Ngrams.LongestSupported}");
        if (NgramVocabularySize < 2)
            throw new ArgumentOutOfRangeException(nameof(NgramVocabularySize), NgramVocabularySize, "must be at least 2 (it counts the padding id 0)");
        if (string.IsNullOrWhiteSpace(TextColumnName))
            throw new ArgumentException("must name the text column", nameof(TextColumnName));
        if (MaxLength < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxLength), MaxLength, "must be at least 1");
        SettingCeiling.Require(VocabularySize, MostVocabularySize, nameof(VocabularySize), "more words than the whole aclImdb vocabulary (89,527) have no training reviews behind them");
        SettingCeiling.Require(MaxLength, MostMaxLength, nameof(MaxLength), "every review is held padded to this many token ids in memory, and no IMDB review is half as long");
        SettingCeiling.Require(NgramVocabularySize, MostNgramVocabularySize, nameof(NgramVocabularySize), "each id is a weight of the n-gram bag, and this many already fill most of a model zip's 50 MB graph");
    }
}
