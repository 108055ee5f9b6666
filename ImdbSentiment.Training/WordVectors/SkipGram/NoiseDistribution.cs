namespace ImdbSentiment.Training.WordVectors.SkipGram;

/// <summary>
/// The negative samples' distribution: word w drawn with probability count(w)^0.75 / sum, as word2vec's unigram table
/// gives it. Drawn in constant time from an alias table (Vose 1991), two arrays the size of the vocabulary, where
/// word2vec's table holds 100 million entries.
/// </summary>
internal sealed class NoiseDistribution
{
    public const double Power = 0.75;

    private readonly float[] _threshold;
    private readonly int[] _alias;

    public NoiseDistribution(IReadOnlyList<long> counts)
    {
        var n = counts.Count;
        if (n == 0)
            throw new ArgumentException("The vocabulary is empty.", nameof(counts));
        var weights = counts.Select(count => Math.Pow(count, Power)).ToArray();
        var total = weights.Sum();
        var scaled = weights.Select(weight => weight * n / total).ToArray();
        _threshold = new float[n];
        _alias = new int[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
            (scaled[i] < 1 ? small : large).Push(i);
        while (small.Count > 0 && large.Count > 0)
        {
            var (under, over) = (small.Pop(), large.Pop());
            _threshold[under] = (float)scaled[under];
            _alias[under] = over;
            scaled[over] -= 1 - scaled[under];
            (scaled[over] < 1 ? small : large).Push(over);
        }

        // What is left is 1 up to rounding.
        foreach (var rest in small.Concat(large))
        {
            _threshold[rest] = 1;
            _alias[rest] = rest;
        }
    }

    public int Sample(ref SplitMixRandom random)
    {
        var column = random.Next(_threshold.Length);
        return random.NextFloat() < _threshold[column] ? column : _alias[column];
    }

    /// <summary>The probability <see cref="Sample"/> gives <paramref name="word"/>, from the table itself (for tests).</summary>
    internal double Probability(int word)
    {
        double sum = _threshold[word];
        for (var column = 0; column < _alias.Length; column++)
        {
            if (column != word && _alias[column] == word)
                sum += 1 - _threshold[column];
        }

        return sum / _threshold.Length;
    }
}
