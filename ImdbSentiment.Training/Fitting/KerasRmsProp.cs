using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// RMSprop as Keras (TensorFlow) computes it, which differs from torch.optim.RMSprop in two ways that matter for tiny
/// gradients: epsilon goes inside the square root (lr * g / sqrt(ms + eps), not lr * g / (sqrt(ms) + eps)), and an
/// embedding's gradient is sparse, so the mean square of a row that a batch does not use is left as it is rather
/// than decayed.
/// </summary>
internal sealed class KerasRmsProp : ITrainingOptimizer
{
    private readonly (Parameter Parameter, Tensor MeanSquare, bool SparseRows)[] _state;
    private readonly double _learningRate;
    private readonly double _rho;
    private readonly double _epsilon;
    private readonly double _weightDecay;

    public KerasRmsProp(IEnumerable<Parameter> parameters, Parameter? embeddingTable, double learningRate, double rho = 0.9, double epsilon = 1e-7, double weightDecay = 0)
    {
        _state = parameters.Select(p => (p, zeros_like(p), embeddingTable is not null && p.Handle == embeddingTable.Handle)).ToArray();
        _learningRate = learningRate;
        _rho = rho;
        _epsilon = epsilon;
        _weightDecay = weightDecay;
    }

    public void ZeroGrad()
    {
        foreach (var (parameter, _, _) in _state)
            parameter.grad?.zero_();
    }

    public void Step()
    {
        using var _ = no_grad();
        foreach (var (parameter, meanSquare, sparseRows) in _state)
        {
            if (parameter.grad is not { } rawGradient)
                continue;

            using var scope = NewDisposeScope();
            // Weight decay as torch's optimizers apply it: an L2 term added to the gradient.
            var gradient = _weightDecay > 0 ? rawGradient + parameter * _weightDecay : rawGradient;
            var updated = meanSquare * _rho + gradient.square() * (1 - _rho);
            if (sparseRows)
                updated = where(gradient.ne(0).any(1, keepdim: true), updated, meanSquare);
            meanSquare.copy_(updated);
            parameter.addcdiv_(gradient, (meanSquare + _epsilon).sqrt_(), value: -_learningRate);
        }
    }

    public void Dispose()
    {
        foreach (var (_, meanSquare, _) in _state)
            meanSquare.Dispose();
    }
}
