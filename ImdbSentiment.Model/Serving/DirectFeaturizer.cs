using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Export;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// A loaded model's featurizer run directly on a text, without ML.NET's row pipeline: it gives the very ids the zip's
/// chain gives (same tokenizer, and the vocabularies and settings read from the loaded chain by
/// <see cref="FeaturizerState"/>), but looks each word up in place instead of making it a string. Thread-safe: the
/// vocabularies are only read; each caller brings its own buffers.
/// </summary>
internal sealed class DirectFeaturizer
{
    private const int ShortWord = 128;

    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _wordIds;
    private readonly Dictionary<string, long> _ngramIds;
    private readonly FeaturizerState _state;

    public DirectFeaturizer(FeaturizerState state)
    {
        _state = state;
        // ML.NET keys are 1-based in vocabulary order; TokenIdsMapping turns key k into id k - 1 + the reserved ids.
        _wordIds = state.Words.Select((word, index) => (word, id: (long)index + Vocabulary.ReservedIds))
            .ToDictionary(pair => pair.word, pair => pair.id, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        // NgramIdsMapping keeps the key itself as the id.
        _ngramIds = state.Ngrams.Select((ngram, index) => (ngram, id: (long)index + 1))
            .ToDictionary(pair => pair.ngram, pair => pair.id, StringComparer.Ordinal);
    }

    public int MaxLength => _state.MaxLength;

    /// <summary>Writes the text's token ids into <paramref name="row"/> (<see cref="MaxLength"/> long) as TokenIdsMapping does.</summary>
    /// <param name="ids">The caller's scratch list, reused between calls.</param>
    public void WriteTokenIds(string text, Span<long> row, List<long> ids)
    {
        text = EscapedBytes.Replaced(text);
        ids.Clear();
        ids.Add(Vocabulary.StartId);
        Span<char> shortWord = stackalloc char[ShortWord];
        var words = new ReviewTokenizer.WordScanner(text);
        while (words.Next(out var span))
        {
            var lower = span.Length <= ShortWord ? shortWord[..span.Length] : new char[span.Length];
            for (var i = 0; i < lower.Length; i++)
                lower[i] = ReviewTokenizer.Lower(text[span.Start + i]);
            ids.Add(_wordIds.TryGetValue(lower, out var id) ? id : Vocabulary.OutOfVocabularyId);
        }
        var (skip, count, offset) = SequencePadder.Place(ids.Count, row.Length, _state.Padding, _state.Truncating);
        row.Fill(Vocabulary.PaddingId);
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids).Slice(skip, count).CopyTo(row[offset..]);
    }

    /// <summary>The text's n-gram ids as NgramIdsMapping gives them: the padding id, then each distinct vocabulary n-gram's id.</summary>
    public long[] NgramIds(string text)
    {
        var ngrams = Ngrams.Distinct(ReviewTokenizer.Tokenize(EscapedBytes.Replaced(text)), _state.NgramLength);
        var ids = new List<long>(ngrams.Length + 1) { Text.NgramIds.PaddingId };
        foreach (var ngram in ngrams)
        {
            if (_ngramIds.TryGetValue(ngram, out var id))
                ids.Add(id);
        }
        return [.. ids];
    }
}
