namespace ImdbSentiment.Model.Text;

/// <summary>
/// The most frequent training words with Keras's reserved ids: 0 = padding, 1 = start, 2 = out-of-vocabulary,
/// words from 3. <see cref="Size"/> counts the reserved ids, like Keras's <c>num_words</c>.
/// </summary>
public sealed class Vocabulary
{
    public const long PaddingId = 0;
    public const long StartId = 1;
    public const long OutOfVocabularyId = 2;
    public const int ReservedIds = 3;

    private Vocabulary(IReadOnlyList<string> words, int size)
    {
        Words = words;
        Size = size;
    }

    /// <summary>The words in id order: <c>Words[i]</c> has id <c>i + 3</c>.</summary>
    public IReadOnlyList<string> Words { get; }

    public int Size { get; }

    /// <summary>
    /// Ranks words by count, most frequent first; equal counts are ordered by ordinal string comparison so the
    /// same data always gives the same ids.
    /// </summary>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> tokenizedReviews, int size)
    {
        if (size <= ReservedIds)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The vocabulary size counts the {ReservedIds} reserved ids, so it must be more than {ReservedIds}.");

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var review in tokenizedReviews)
            foreach (var token in review)
                counts[token] = counts.GetValueOrDefault(token) + 1;

        var words = counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(size - ReservedIds)
            .Select(pair => pair.Key)
            .ToArray();
        return new Vocabulary(words, size);
    }
}
