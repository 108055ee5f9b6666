using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Where a network's dropout masks come from: one generator per batch share (<see cref="FeatureBatch.Share"/>), so the
/// shares of a batch computed on several threads at once each draw from their own and a run stays reproducible. The
/// seed is drawn from torch's global generator when the network is built (so other draws in the process cannot change
/// a run); share k's generator starts from that seed plus k.
/// </summary>
internal sealed class DropoutGenerators : IDisposable
{
    private readonly ulong _seed;
    private readonly List<Generator> _generators = [];
    private readonly Lock _lock = new();

    public DropoutGenerators()
    {
        using var seed = randint(0, long.MaxValue, [1], dtype: ScalarType.Int64);
        _seed = (ulong)seed.item<long>();
    }

    public Generator For(int share)
    {
        lock (_lock)
        {
            while (_generators.Count <= share)
                _generators.Add(new Generator(unchecked(_seed + (ulong)_generators.Count)));
            return _generators[share];
        }
    }

    public void Dispose()
    {
        foreach (var generator in _generators)
            generator.Dispose();
    }
}
