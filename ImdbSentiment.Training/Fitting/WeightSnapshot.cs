using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>An in-memory copy of a network's weights, for restoring the best epoch's weights.</summary>
internal sealed class WeightSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _weights;

    public WeightSnapshot(nn.Module module) =>
        _weights = module.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.detach().clone());

    public void RestoreInto(nn.Module module)
    {
        using var _ = no_grad();
        foreach (var (name, current) in module.state_dict())
            current.copy_(_weights[name]);
    }

    public void Dispose()
    {
        foreach (var weight in _weights.Values)
            weight.Dispose();
    }
}
