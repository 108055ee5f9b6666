using System.Runtime.CompilerServices;
using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A network's dropout masks, drawn in managed code from one random stream per batch share
/// (<see cref="FeatureBatch.Share"/>), so the shares of a batch computed on several threads at once each draw from
/// their own and a run stays reproducible. The seed is drawn from torch's global generator when the network is built
/// (so other draws in the process cannot change a run); share k's stream starts from that seed plus k.
/// </summary>
/// <remarks>
/// torch's bernoulli_ with a generator of its own draws a mask element at a time under the generator's lock: for the
/// bilstm recipe's embedding outputs (64 x 230 x 64 values a batch) that cost about as much as the LSTM's forward
/// steps. A xoshiro256** stream (public domain, Blackman and Vigna) gives two mask elements a 64-bit draw.
/// </remarks>
internal sealed class DropoutMasks
{
    private readonly ulong _seed;
    private readonly List<Stream> _streams = [];
    private readonly Lock _lock = new();

    public DropoutMasks()
    {
        using var seed = randint(0, long.MaxValue, [1], dtype: ScalarType.Int64);
        _seed = (ulong)seed.item<long>();
    }

    /// <summary>A float32 tensor shaped like <paramref name="like"/>: each element keptValue with probability keep, else 0.</summary>
    public Tensor Draw(Tensor like, double keep, float keptValue, int share)
    {
        if (keep is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(keep), keep, "The probability of keeping a value must be above 0 and at most 1.");
        var mask = empty(like.shape, dtype: ScalarType.Float32);
        For(share).Fill(Floats(mask), (ulong)Math.Min(keep * 4294967296.0, uint.MaxValue + 1.0), keptValue);
        return mask;
    }

    private Stream For(int share)
    {
        lock (_lock)
        {
            while (_streams.Count <= share)
                _streams.Add(new Stream(unchecked(_seed + (ulong)_streams.Count)));
            return _streams[share];
        }
    }

    /// <summary>One share's xoshiro256** state, seeded through SplitMix64 as its authors advise.</summary>
    private sealed class Stream
    {
        private ulong _s0, _s1, _s2, _s3;

        public Stream(ulong seed)
        {
            _s0 = SplitMix(ref seed);
            _s1 = SplitMix(ref seed);
            _s2 = SplitMix(ref seed);
            _s3 = SplitMix(ref seed);
        }

        /// <summary>Each element keptValue when its 32 random bits fall below threshold (keep x 2^32), else 0.</summary>
        public void Fill(Span<float> mask, ulong threshold, float keptValue)
        {
            var kept = BitConverter.SingleToUInt32Bits(keptValue);
            var i = 0;
            for (; i + 1 < mask.Length; i += 2)
            {
                var bits = Next();
                mask[i] = Element(bits & uint.MaxValue, threshold, kept);
                mask[i + 1] = Element(bits >> 32, threshold, kept);
            }

            if (i < mask.Length)
                mask[i] = Element(Next() & uint.MaxValue, threshold, kept);
        }

        /// <summary>
        /// keptValue's bits when draw (below 2^32) is below threshold (at most 2^32), else 0, without a branch: with keep
        /// 0.5 a branch is mispredicted every other element, which made drawing a mask cost several times the draws.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float Element(ulong draw, ulong threshold, uint kept) =>
            BitConverter.UInt32BitsToSingle(kept & (uint)(0 - ((draw - threshold) >> 63)));

        private ulong Next()
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }

        private static ulong SplitMix(ref ulong state)
        {
            var z = state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
