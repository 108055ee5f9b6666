namespace ImdbSentiment.Model.Text;

/// <summary>
/// The most frequent training words with Keras's reserved ids: 0 = padding, 1 = start, 2 = out-of-vocabulary,
/// words from 3. <see cref="Size"/> counts the reserved ids, like Keras's <c>num_words</c>.
/// </summary>
internal sealed class Vocabulary
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

    /// <summary>The <paramref name="size"/> - 3 most frequent words (see <see cref="TermCounts.MostFrequent"/>).</summary>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> tokenizedReviews, int size)
    {
        if (size <= ReservedIds)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The vocabulary size counts the {ReservedIds} reserved ids, so it must be more than {ReservedIds}.");

        var words = TermCounts.MostFrequent(tokenizedReviews, size - ReservedIds);
        return new Vocabulary(words, size);
    }
}
