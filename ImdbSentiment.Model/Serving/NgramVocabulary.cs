using System.Numerics;
using System.Runtime.InteropServices;
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

    /// <summary>What <see cref="FirstSlotId"/> gives when the key's first slot holds another key, so the table must be probed further.</summary>
    private const long Unresolved = long.MinValue;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordIds;
    /// <summary>By word id: the id of the one-word n-gram of that word, -1 when the vocabulary lacks it.</summary>
    private readonly long[] _unigramIds;
    private readonly Slot[] _slots;
    private readonly int _hashShift;
    private readonly long _firstId;
    private readonly WordSet? _onlyWords;

    /// <param name="lines">The vocabulary text.</param>
    /// <param name="firstId">The id of its first line.</param>
    /// <param name="onlyWords">
    /// When given, only the n-grams made of these words are keyed (several times faster to build for a few reviews), and
    /// a review with any other word is refused (<see cref="WordId"/> throws) instead of being given wrong ids.
    /// </param>
    /// <exception cref="InvalidDataException">The n-grams hold more than <see cref="MaximumWords"/> distinct words.</exception>
    public NgramVocabulary(string lines, long firstId, WordSet? onlyWords = null)
    {
        _onlyWords = onlyWords;
        var keyed = NgramLineKeys.Of(lines, Environment.ProcessorCount, onlyWords);
        _wordIds = keyed.WordIds;
        _unigramIds = new long[_wordIds.Dictionary.Count + 1];
        _unigramIds.AsSpan().Fill(-1);
        var keys = keyed.Keys;
        var longer = 0;
        for (var line = 0; line < keys.Length; line++)
        {
            if (keys[line] > MaximumWords)
                longer++;
            else if (keys[line] != NgramLineKeys.NoKey && _unigramIds[keys[line]] < 0)
                _unigramIds[keys[line]] = firstId + line;
        }
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(longer, 1) * 2);
        _firstId = firstId;
        _slots = new Slot[capacity];
        _hashShift = 64 - BitOperations.Log2((uint)capacity);
        foreach (var line in InTableOrder(keys, longer))
            Add(keys[line], line);
    }

    /// <summary>The id of a word among the vocabulary's words; 0 when no n-gram holds it.</summary>
    /// <exception cref="InvalidOperationException">The vocabulary was keyed for other words only.</exception>
    public int WordId(ReadOnlySpan<char> word) =>
        _wordIds.TryGetValue(word, out var id) ? id
        : _onlyWords is null || _onlyWords.Contains(word) ? 0
        : throw new InvalidOperationException("this n-gram vocabulary was keyed only for the words of the reviews it was opened for, and this review has others");

    /// <summary>Whether the word alone is one of the vocabulary's n-grams.</summary>
    public bool HasUnigram(ReadOnlySpan<char> word) => Find(WordId(word)) >= 0;

    /// <summary>
    /// The key of the n-gram whose words have the ids <paramref name="key"/> holds so far plus <paramref name="wordId"/>
    /// as its <paramref name="position"/>-th word (from 0).
    /// </summary>
    public static long Extend(long key, int wordId, int position) => key | ((long)wordId << (WordIdBits * position));

    /// <summary>The word id at <paramref name="position"/> of a key; 0 past its last word.</summary>
    public static int WordIdAt(long key, int position) => (int)((key >> (WordIdBits * position)) & MaximumWords);

    /// <summary>The id of the n-gram with this key, or -1 when the vocabulary lacks it.</summary>
    public long Find(long key)
    {
        if (key <= MaximumWords)
            return _unigramIds[(int)key];
        var mask = _slots.Length - 1;
        for (var slot = KeyHash.Slot(key, _hashShift); ; slot = (slot + 1) & mask)
        {
            ref readonly var entry = ref _slots[slot];
            if (entry.Key == key)
                return _firstId + entry.Line;
            if (entry.Key == 0)
                return -1;
        }
    }

    /// <summary>The ids of many keys at once (see <see cref="Find(long)"/>): <paramref name="ids"/>[i] for <paramref name="keys"/>[i].</summary>
    public void Find(ReadOnlySpan<long> keys, Span<long> ids)
    {
        // The table is far larger than the caches, so nearly every key's slot is a cache miss. Reading every key's first
        // slot in a loop with nothing waiting on the reads lets the processor have many misses under way at once; a
        // probe loop per key waits for each in turn.
        for (var i = 0; i < keys.Length; i++)
            ids[i] = FirstSlotId(keys[i]);
        for (var i = 0; i < keys.Length; i++)
        {
            if (ids[i] == Unresolved)
                ids[i] = Find(keys[i]);
        }
    }

    private long FirstSlotId(long key)
    {
        if (key <= MaximumWords)
            return _unigramIds[(int)key];
        ref readonly var entry = ref _slots[KeyHash.Slot(key, _hashShift)];
        return entry.Key == key ? _firstId + entry.Line : entry.Key == 0 ? -1 : Unresolved;
    }

    /// <summary>
    /// The lines of the keys the table holds, ordered by the table region their first slot falls in and by line within
    /// a region: added in that order the table is written front to back, not at random, and the first of equal lines
    /// still comes first.
    /// </summary>
    private int[] InTableOrder(long[] keys, int count)
    {
        var regionShift = Math.Max(_hashShift, 64 - 16);
        var starts = new int[(1 << (64 - regionShift)) + 1];
        foreach (var key in keys)
        {
            if (key > MaximumWords)
                starts[KeyHash.Slot(key, regionShift) + 1]++;
        }
        for (var region = 1; region < starts.Length; region++)
            starts[region] += starts[region - 1];
        var order = new int[count];
        for (var line = 0; line < keys.Length; line++)
        {
            if (keys[line] > MaximumWords)
                order[starts[KeyHash.Slot(keys[line], regionShift)]++] = line;
        }
        return order;
    }

    /// <summary>Adds the n-gram unless an earlier line had the same key (the first of equal lines keeps its id).</summary>
    private void Add(long key, int line)
    {
        var mask = _slots.Length - 1;
        var slot = KeyHash.Slot(key, _hashShift);
        while (_slots[slot].Key != 0)
        {
            if (_slots[slot].Key == key)
                return;
            slot = (slot + 1) & mask;
        }
        _slots[slot] = new Slot(key, line);
    }

    /// <summary>
    /// One table entry: a key and its line (the id less the first id); key 0 marks an empty slot (word ids start at 1,
    /// so no n-gram's key is 0). 12 bytes, not 16: the table is the scorer's largest allocation.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Slot(long Key, int Line);
}
