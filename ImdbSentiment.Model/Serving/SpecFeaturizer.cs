using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.ModelFormat;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// The featurizer a model spec describes (<see cref="ModelSpec"/>), run on a text without ML.NET: the token ids and
/// n-gram ids the zip's ML.NET chain gives, from the same tokenizer and the vocabularies stored beside the spec. A
/// review's words are lower-cased once into one buffer, joined by the n-gram separator, so a word or an n-gram is looked
/// up as a slice of it, never made a string. Thread-safe: the vocabularies are only read; each caller brings its own
/// <see cref="Words"/>.
/// </summary>
internal sealed class SpecFeaturizer
{
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _wordIds;
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _ngramIds;

    public SpecFeaturizer(ModelFile file)
    {
        TokenIds = file.Spec.TokenIds;
        NgramIds = file.Spec.NgramIds;
        _wordIds = Ids(file.Words, TokenIds?.FirstWordId ?? 0);
        _ngramIds = Ids(file.Ngrams, NgramIds?.FirstNgramId ?? 0);
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

    /// <summary>Writes the token-id row (<see cref="TokenIdsSpec.MaxLength"/> long) of a tokenized review.</summary>
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
        row.Add(spec.PaddingId);
        var seen = words.SeenIds;
        seen.Clear();
        for (var start = 0; start < words.Count; start++)
        {
            var last = Math.Min(start + spec.Longest, words.Count) - 1;
            for (var end = start; end <= last; end++)
            {
                if (_ngramIds.TryGetValue(words.Span(start, end), out var id) && seen.Add(id))
                    row.Add(id);
            }
        }
    }

    /// <summary>Whether the model reads <paramref name="word"/> as unknown: no word id and no n-gram id.</summary>
    public bool IsUnknownWord(string word)
    {
        var words = new Words();
        Tokenize(word, words);
        for (var i = 0; i < words.Count; i++)
        {
            if ((TokenIds is not null && _wordIds.ContainsKey(words.Word(i))) || (NgramIds is not null && _ngramIds.ContainsKey(words.Word(i))))
                return false;
        }
        return true;
    }

    /// <summary>One review's words, lower-case, joined by single spaces in one buffer; a caller's scratch, reused.</summary>
    internal sealed class Words
    {
        private char[] _text = new char[1024];
        private int[] _starts = new int[256];
        private int _length;

        public int Count { get; private set; }

        public HashSet<long> SeenIds { get; } = [];

        public void Clear(int textLength)
        {
            Count = 0;
            _length = 0;
            if (_text.Length < textLength + 1)
                _text = new char[textLength + 1];
        }

        public void Add(ReadOnlySpan<char> word)
        {
            if (Count + 1 >= _starts.Length)
                Array.Resize(ref _starts, _starts.Length * 2);
            if (Count > 0)
                _text[_length++] = Ngrams.Separator[0];
            _starts[Count++] = _length;
            foreach (var c in word)
                _text[_length++] = ReviewTokenizer.Lower(c);
            _starts[Count] = _length + 1;
        }

        public ReadOnlySpan<char> Word(int index) => Span(index, index);

        /// <summary>Words <paramref name="first"/> to <paramref name="last"/> joined by the separator: an n-gram.</summary>
        public ReadOnlySpan<char> Span(int first, int last) => _text.AsSpan(_starts[first], _starts[last + 1] - 1 - _starts[first]);
    }
}
