using System.Numerics;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// The n-gram keys one review has given so far, to drop its repeated n-grams before they are looked up. Starting the
/// next review costs nothing (a new generation marks the slots of the last one stale), where HashSet's Clear zeroes
/// all its buckets, sized for the longest review seen: a sampling profile put that at 18% of the n-gram lookup's time.
/// </summary>
internal sealed class ReviewKeySet
{
    private long[] _keys = [];
    private int[] _generations = [];
    private int _generation;
    private int _hashShift;

    /// <summary>Empties the set for a review of at most <paramref name="capacity"/> keys.</summary>
    public void Start(int capacity)
    {
        if (_keys.Length < 2 * capacity || _generation == int.MaxValue)
        {
            // A power of two at least twice the keys keeps probe runs short.
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2 * capacity, 1024));
            _keys = new long[size];
            _generations = new int[size];
            _generation = 0;
            _hashShift = 64 - BitOperations.Log2((uint)size);
        }
        _generation++;
    }

    /// <summary>Adds <paramref name="key"/>; false when this review gave it before.</summary>
    public bool Add(long key)
    {
        var mask = _keys.Length - 1;
        for (var slot = KeyHash.Slot(key, _hashShift); ; slot = (slot + 1) & mask)
        {
            if (_generations[slot] != _generation)
            {
                _generations[slot] = _generation;
                _keys[slot] = key;
                return true;
            }
            if (_keys[slot] == key)
                return false;
        }
    }
}
