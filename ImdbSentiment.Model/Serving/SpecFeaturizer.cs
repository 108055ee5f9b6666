using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.ModelFormat;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// The featurizer a model spec describes (<see cref="ModelSpec"/>), run on a text without ML.NET: the token ids and
/// n-gram ids the zip's ML.NET chain gives, from the same tokenizer and the vocabularies stored beside the spec. A
/// review's words are lower-cased once into one buffer, so a word is looked up as a slice of it, never made a string;
/// an n-gram is looked up by its words' ids (<see cref="NgramVocabulary"/>). Thread-safe: the vocabularies are only
/// read; each caller brings its own <see cref="Words"/>.
/// </summary>
internal sealed class SpecFeaturizer
{
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _wordIds;
    private readonly NgramVocabulary? _ngrams;

    /// <param name="file">The model.</param>
    /// <param name="onlyWords">When given, the n-gram vocabulary is keyed for these words only (see <see cref="NgramVocabulary"/>).</param>
    public SpecFeaturizer(ModelFile file, WordSet? onlyWords = null)
    {
        TokenIds = file.Spec.TokenIds;
        NgramIds = file.Spec.NgramIds;
        _wordIds = Ids(file.Words, TokenIds?.FirstWordId ?? 0);
        _ngrams = NgramIds is null ? null : new NgramVocabulary(file.NgramVocabulary, NgramIds.FirstNgramId, onlyWords);
    }

    /// <summary>How the network's token-id row is made; null when the network reads none.</summary>
    public TokenIdsSpec? TokenIds { get; }

    /// <summary>How the network's n-gram-id row is made; null when the network reads none.</summary>
    public NgramIdsSpec? NgramIds { get; }

    /// <summary>The token ids' vocabulary size as Keras counts it (the reserved ids too); null when the network reads no token ids.</summary>
    public int? VocabularySize => TokenIds is null ? null : _wordIds.Dictionary.Count + (int)TokenIds.FirstWordId;

    private static Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> Ids(string[] entries, long firstId)
    {
        var ids = new Dictionary<string, long>(entries.Length, StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
            ids.TryAdd(entries[i], firstId + i);
        return ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Splits <paramref name="text"/> into <paramref name="words"/>, the tokenizer's lower-case words.</summary>
    public static void Tokenize(string text, Words words)
    {
        text = EscapedBytes.Replaced(text);
        words.Clear(text.Length);
        var scanner = new ReviewTokenizer.WordScanner(text);
        while (scanner.Next(out var span))
            words.Add(text.AsSpan(span.Start, span.Length));
    }

    /// <summary>How many of a tokenized review's token ids are not padding: the start id and its words, at most <see cref="TokenIdsSpec.MaxLength"/>.</summary>
    public int RealTokenIdCount(Words words) => Math.Min(words.Count + 1, TokenIds!.MaxLength);

    /// <summary>
    /// Writes the token-id row of a tokenized review: <see cref="TokenIdsSpec.MaxLength"/> long as the spec gives it,
    /// or as short as <see cref="RealTokenIdCount"/> for a network that ignores padding (padded on the spec's side).
    /// </summary>
    public void WriteTokenIds(Words words, Span<long> row)
    {
        var spec = TokenIds!;
        var (skip, count, offset) = SequencePadder.Place(words.Count + 1, row.Length, spec.Padding, spec.Truncating);
        row.Fill(spec.PaddingId);
        for (var i = 0; i < count; i++)
        {
            var position = skip + i;
            row[offset + i] = position == 0 ? spec.StartId
                : _wordIds.TryGetValue(words.Word(position - 1), out var id) ? id : spec.OutOfVocabularyId;
        }
    }

    /// <summary>
    /// Adds a tokenized review's n-gram-id row to <paramref name="row"/>: the padding id, then the id of each distinct
    /// vocabulary n-gram in order of first appearance.
    /// </summary>
    public void AddNgramIds(Words words, List<long> row)
    {
        var spec = NgramIds!;
        var ngrams = _ngrams!;
        row.Add(spec.PaddingId);
        var seen = words.SeenKeys;
        seen.Start(words.Count * spec.Longest);
        var wordIds = words.NgramWordIds;
        for (var i = 0; i < words.Count; i++)
            wordIds[i] = ngrams.WordId(words.Word(i));
        // Every distinct n-gram's key first, in the chain's order (by start, then by length), so that they are looked up together.
        var keys = words.NgramKeys(spec.Longest);
        var count = 0;
        for (var start = 0; start < words.Count; start++)
        {
            var last = Math.Min(start + spec.Longest, words.Count) - 1;
            long key = 0;
            // A word that no n-gram holds ends the n-grams from this start.
            for (var end = start; end <= last && wordIds[end] != 0; end++)
            {
                key = NgramVocabulary.Extend(key, wordIds[end], end - start);
                // Distinct keys have distinct ids, so a repeated n-gram is dropped before it is looked up.
                if (seen.Add(key))
                    keys[count++] = key;
            }
        }
        var ids = words.NgramIds(spec.Longest)[..count];
        ngrams.Find(keys[..count], ids);
        foreach (var id in ids)
        {
            if (id >= 0)
                row.Add(id);
        }
    }

    /// <summary>Whether the model reads <paramref name="word"/> as unknown: no word id and no n-gram id.</summary>
    public bool IsUnknownWord(string word)
    {
        var words = new Words();
        Tokenize(word, words);
        for (var i = 0; i < words.Count; i++)
        {
            if ((TokenIds is not null && _wordIds.ContainsKey(words.Word(i))) || (_ngrams is not null && _ngrams.HasUnigram(words.Word(i))))
                return false;
        }
        return true;
    }

    /// <summary>One review's words, lower-case, in one buffer; a caller's scratch, reused.</summary>
    internal sealed class Words
    {
        private char[] _text = new char[1024];
        private int[] _starts = new int[256];
        private int[] _ngramWordIds = new int[256];
        private long[] _ngramKeys = new long[768];
        private long[] _ngramIds = new long[768];
        private int _length;

        public int Count { get; private set; }

        public ReviewKeySet SeenKeys { get; } = new();

        /// <summary>Each word's id among the n-gram vocabulary's words (<see cref="NgramVocabulary.WordId"/>), at least <see cref="Count"/> long.</summary>
        public Span<int> NgramWordIds => Scratch(ref _ngramWordIds, Count);

        /// <summary>Room for the keys of the review's n-grams of up to <paramref name="longest"/> words.</summary>
        public Span<long> NgramKeys(int longest) => Scratch(ref _ngramKeys, Count * longest);

        /// <summary>Room for the ids of the review's n-grams of up to <paramref name="longest"/> words.</summary>
        public Span<long> NgramIds(int longest) => Scratch(ref _ngramIds, Count * longest);

        private static T[] Scratch<T>(ref T[] buffer, int length)
        {
            if (buffer.Length < length)
                buffer = new T[Math.Max(length, buffer.Length * 2)];
            return buffer;
        }

        public void Clear(int textLength)
        {
            Count = 0;
            _length = 0;
            if (_text.Length < textLength)
                _text = new char[textLength];
        }

        public void Add(ReadOnlySpan<char> word)
        {
            if (Count + 1 >= _starts.Length)
                Array.Resize(ref _starts, _starts.Length * 2);
            _starts[Count++] = _length;
            foreach (var c in word)
                _text[_length++] = ReviewTokenizer.Lower(c);
            _starts[Count] = _length;
        }

        public ReadOnlySpan<char> Word(int index) => _text.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);
    }
}
