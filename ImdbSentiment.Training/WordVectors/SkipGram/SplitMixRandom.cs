namespace ImdbSentiment.Training.WordVectors.SkipGram;

/// <summary>
/// A small, fast generator for the training threads' draws (SplitMix64, Steele et al. 2014): each thread owns one, so
/// no draw is shared or locked; <see cref="Random"/> would cost more than the dot products it decides.
/// </summary>
internal struct SplitMixRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with float's 24 bits.</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => (int)((NextUInt64() >> 33) * (ulong)bound >> 31);
}
