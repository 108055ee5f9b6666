using System.Numerics;
using System.Runtime.CompilerServices;
using TorchSharp.Modules;
using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// RMSprop as Keras (TensorFlow) computes it, which differs from torch.optim.RMSprop in two ways that matter for tiny
/// gradients: epsilon goes inside the square root (lr * g / sqrt(ms + eps), not lr * g / (sqrt(ms) + eps)), and an
/// embedding's gradient is sparse, so the mean square of a row that a batch does not use is left as it is rather
/// than decayed. The update runs in managed code over the parameters' memory: for the seed networks' 8,209 weights,
/// the ten libtorch calls a parameter would take cost more than the arithmetic.
/// </summary>
internal sealed class KerasRmsProp : ITrainingOptimizer
{
    private readonly (Parameter Parameter, Tensor MeanSquare, int RowWidth)[] _state;
    private readonly float _learningRate;
    private readonly float _rho;
    private readonly float _oneMinusRho;
    private readonly float _epsilon;
    private readonly float _weightDecay;

    public KerasRmsProp(IEnumerable<Parameter> parameters, Parameter? embeddingTable, double learningRate, double rho = 0.9, double epsilon = 1e-7, double weightDecay = 0)
    {
        _state = parameters.Select(p => (p, zeros_like(p), RowWidth(p, embeddingTable))).ToArray();
        _learningRate = (float)learningRate;
        _rho = (float)rho;
        // 1 - rho in double, then rounded, as torch rounds the scalar it multiplies by.
        _oneMinusRho = (float)(1 - rho);
        _epsilon = (float)epsilon;
        _weightDecay = (float)weightDecay;
    }

    /// <summary>The length of the rows updated or left alone together: an embedding table's row, or the whole parameter.</summary>
    private static int RowWidth(Parameter parameter, Parameter? embeddingTable) =>
        embeddingTable is not null && parameter.Handle == embeddingTable.Handle ? (int)parameter.shape[1] : (int)parameter.numel();

    public void ZeroGrad() => _state.Select(state => state.Parameter).ClearGradients();

    public void Step()
    {
        foreach (var (parameter, meanSquare, rowWidth) in _state)
        {
            if (parameter.grad is not { } gradient)
                continue;

            var values = Floats(parameter);
            var gradients = Floats(gradient);
            var meanSquares = Floats(meanSquare);
            for (var start = 0; start < values.Length; start += rowWidth)
            {
                var row = values.Slice(start, rowWidth);
                var rowGradient = gradients.Slice(start, rowWidth);
                if (rowWidth < values.Length && !Used(row, rowGradient))
                    continue;
                Update(row, rowGradient, meanSquares.Slice(start, rowWidth));
            }
        }
    }

    /// <summary>Whether the row's gradient, weight decay included, has a value other than 0: a row the batch did not use has none.</summary>
    private bool Used(ReadOnlySpan<float> row, ReadOnlySpan<float> rowGradient) =>
        rowGradient.ContainsAnyExcept(0f) || (_weightDecay != 0 && row.ContainsAnyExcept(0f));

    /// <summary>
    /// g = gradient + decay * p (weight decay as torch's optimizers apply it), ms = rho ms + (1 - rho) g^2,
    /// p -= lr g / sqrt(ms + eps); a vector at a time, then the tail, with the same operations in the same order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update(Span<float> values, ReadOnlySpan<float> gradients, Span<float> meanSquares)
    {
        var i = 0;
        for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var value = new Vector<float>(values[i..]);
            var gradient = new Vector<float>(gradients[i..]) + value * _weightDecay;
            var meanSquare = new Vector<float>(meanSquares[i..]) * _rho + gradient * gradient * _oneMinusRho;
            meanSquare.CopyTo(meanSquares[i..]);
            (value + gradient * -_learningRate / Vector.SquareRoot(meanSquare + new Vector<float>(_epsilon))).CopyTo(values[i..]);
        }

        for (; i < values.Length; i++)
        {
            var gradient = gradients[i] + values[i] * _weightDecay;
            var meanSquare = meanSquares[i] * _rho + gradient * gradient * _oneMinusRho;
            meanSquares[i] = meanSquare;
            values[i] += gradient * -_learningRate / MathF.Sqrt(meanSquare + _epsilon);
        }
    }

    public void Dispose()
    {
        foreach (var (_, meanSquare, _) in _state)
            meanSquare.Dispose();
    }
}
