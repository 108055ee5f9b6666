using System.Numerics;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// The n-gram vocabulary (ngrams.txt: one n-gram a line, its words joined by <see cref="Ngrams.Separator"/>) keyed for
/// lookup without strings: each word that occurs in the vocabulary gets a small id, and an n-gram of up to
/// <see cref="Ngrams.LongestSupported"/> words is the one 64-bit key of its word ids. The id of a one-word n-gram sits
/// beside its word; longer ones are found in an open-addressing table. A word outside the vocabulary's words ends every
/// n-gram through it. Gives the same id as a lookup of the joined string among the lines: line i has id firstId + i, and of equal
/// lines the first counts. Read-only once built, so thread-safe.
/// </summary>
internal sealed class NgramVocabulary
{
    /// <summary>Bits of one word id in a key: three ids fill 63 bits.</summary>
    private const int WordIdBits = 21;

    /// <summary>The most distinct words the vocabulary's n-grams may hold (ids 1 to this; 0 means no word).</summary>
    public const int MaximumWords = (1 << WordIdBits) - 1;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordIds;
    /// <summary>By word id: the id of the one-word n-gram of that word, -1 when the vocabulary lacks it.</summary>
    private readonly List<long> _unigramIds = [-1];
    private readonly Slot[] _slots;
    private readonly int _hashShift;

    /// <exception cref="InvalidDataException">The n-grams hold more than <see cref="MaximumWords"/> distinct words.</exception>
    public NgramVocabulary(string lines, long firstId)
    {
        var lineCount = CountLines(lines);
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(lineCount, 1) * 2);
        _slots = new Slot[capacity];
        _hashShift = 64 - BitOperations.Log2((uint)capacity);
        _wordIds = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        var rest = lines.AsSpan();
        var previous = new PreviousWord[Ngrams.LongestSupported];
        for (var id = firstId; !rest.IsEmpty; id++)
        {
            var end = rest.IndexOf('\n');
            var lineStart = lines.Length - rest.Length;
            rest = end < 0 ? [] : rest[(end + 1)..];
            // A line of more words than the longest n-gram can never match a review's n-gram, so it needs no key.
            if (KeyOfLine(lines, lineStart, end < 0 ? lines.Length - lineStart : end, previous) is not { } key)
                continue;
            if (key > MaximumWords)
                Add(key, id);
            else if (_unigramIds[(int)key] < 0)
                _unigramIds[(int)key] = id;
        }
    }

    /// <summary>How many lines the vocabulary text holds, as <see cref="ModelFormat.ModelFile.NgramLines"/> splits it.</summary>
    private static int CountLines(string lines) =>
        lines.Length == 0 ? 0 : lines.AsSpan().Count('\n') + (lines.EndsWith('\n') ? 0 : 1);

    /// <summary>The id of a word among the vocabulary's words; 0 when no n-gram holds it.</summary>
    public int WordId(ReadOnlySpan<char> word) => _wordIds.TryGetValue(word, out var id) ? id : 0;

    /// <summary>Whether the word alone is one of the vocabulary's n-grams.</summary>
    public bool HasUnigram(ReadOnlySpan<char> word) => Find(WordId(word)) >= 0;

    /// <summary>
    /// The key of the n-gram whose words have the ids <paramref name="key"/> holds so far plus <paramref name="wordId"/>
    /// as its <paramref name="position"/>-th word (from 0).
    /// </summary>
    public static long Extend(long key, int wordId, int position) => key | ((long)wordId << (WordIdBits * position));

    /// <summary>The id of the n-gram with this key, or -1 when the vocabulary lacks it.</summary>
    public long Find(long key)
    {
        if (key <= MaximumWords)
            return _unigramIds[(int)key];
        var mask = _slots.Length - 1;
        for (var slot = Slot.Of(key, _hashShift); ; slot = (slot + 1) & mask)
        {
            ref readonly var entry = ref _slots[slot];
            if (entry.Key == key)
                return entry.Id;
            if (entry.Key == 0)
                return -1;
        }
    }

    private long? KeyOfLine(string lines, int start, int length, PreviousWord[] previous)
    {
        long key = 0;
        var lineEnd = start + length;
        for (var position = 0; ; position++)
        {
            if (position == Ngrams.LongestSupported)
                return null;
            var end = lines.AsSpan(start, lineEnd - start).IndexOf(Ngrams.Separator[0]) is var separator and >= 0 ? start + separator : lineEnd;
            var word = lines.AsSpan(start, end - start);
            // The lines come sorted, so a word often stands where it stood in the line before: no lookup then.
            var before = previous[position];
            var id = word.SequenceEqual(lines.AsSpan(before.Start, before.Length)) && before.Id > 0 ? before.Id : AddWord(word);
            previous[position] = new PreviousWord(start, word.Length, id);
            key = Extend(key, id, position);
            if (end == lineEnd)
                return key;
            start = end + 1;
        }
    }

    private int AddWord(ReadOnlySpan<char> word)
    {
        if (_wordIds.TryGetValue(word, out var id))
            return id;
        id = _wordIds.Dictionary.Count + 1;
        if (id > MaximumWords)
            throw new InvalidDataException($"its n-grams hold more than {MaximumWords:N0} distinct words, more than the scorer can key");
        _wordIds.TryAdd(word, id);
        _unigramIds.Add(-1);
        return id;
    }

    /// <summary>Adds the n-gram unless an earlier line had the same key (the first of equal lines keeps its id).</summary>
    private void Add(long key, long id)
    {
        var mask = _slots.Length - 1;
        var slot = Slot.Of(key, _hashShift);
        while (_slots[slot].Key != 0)
        {
            if (_slots[slot].Key == key)
                return;
            slot = (slot + 1) & mask;
        }
        _slots[slot] = new Slot(key, id);
    }

    /// <summary>Where a word of the line read before stands in the vocabulary text, and its id.</summary>
    private record struct PreviousWord(int Start, int Length, int Id);

    /// <summary>One table entry; key 0 marks an empty slot (word ids start at 1, so no n-gram's key is 0).</summary>
    private readonly record struct Slot(long Key, long Id)
    {
        // Fibonacci hashing: the multiply spreads the word ids' bits over the high bits the slot is taken from.
        public static int Of(long key, int hashShift) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> hashShift);
    }
}
