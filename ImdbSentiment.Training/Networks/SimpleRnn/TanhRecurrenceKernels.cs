using System.Numerics;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The arithmetic of <see cref="TanhRecurrence"/> over plain memory, row-major: the input table [vocabulary, units],
/// token ids [batch, time], states and input gradients [time, batch, units], weights [units, units] (torch's layout,
/// h_{t-1} W^T), summed as <see cref="VectorKernels"/> sums, so the result does not depend on the machine's vector width.
/// The loops are compiled optimised from their first call: tier-0 code of vector loops is many times slower, and an
/// epoch calls them only 313 times each.
/// </summary>
internal static class TanhRecurrenceKernels
{
    /// <summary>
    /// states[0] = 0, states[t + 1] = tanh(table[ids[b, t]] + states[t] W^T) for each row b: the recurrence over the
    /// input table's rows that a batch's token ids [batch, time] pick; states holds time + 1 steps [batch, units].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> table, ReadOnlySpan<long> tokenIds, ReadOnlySpan<float> weights, Span<float> states, int batch, int units)
    {
        var stepSize = batch * units;
        var steps = tokenIds.Length / batch;
        var transposed = new float[units * units];
        for (var i = 0; i < units; i++)
            for (var j = 0; j < units; j++)
                transposed[j * units + i] = weights[i * units + j];

        states[..stepSize].Clear();
        for (var t = 0; t < steps; t++)
        {
            var previous = states.Slice(t * stepSize, stepSize);
            var current = states.Slice((t + 1) * stepSize, stepSize);
            for (var b = 0; b < batch; b++)
            {
                var row = current.Slice(b * units, units);
                table.Slice(checked((int)tokenIds[b * steps + t]) * units, units).CopyTo(row);
                VectorKernels.AddProduct(previous.Slice(b * units, units), transposed, row);
            }
            TensorPrimitives.Tanh(current, current);
        }
    }

    /// <summary>tableGradient[ids[b, t]] += inputGradients[t, b]: each looked-up row's gradient summed into its table row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddToTableRows(ReadOnlySpan<float> inputGradients, ReadOnlySpan<long> tokenIds, Span<float> tableGradient, int batch, int units)
    {
        var steps = tokenIds.Length / batch;
        for (var b = 0; b < batch; b++)
            for (var t = 0; t < steps; t++)
                VectorKernels.AddTo(inputGradients.Slice((t * batch + b) * units, units), tableGradient.Slice(checked((int)tokenIds[b * steps + t]) * units, units));
    }

    /// <summary>
    /// Backward through time from <paramref name="lastStateGradient"/> (dL/dh_T, [batch, units]): each step's input
    /// gradient, dL/dx_t = dL/dh_t (1 - h_t^2), where dL/dh_{t-1} = dL/dx_t W. The weights' gradient, the sum over
    /// steps of dL/dx_t^T h_{t-1}, is one matrix product over all steps, left to the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> states, ReadOnlySpan<float> weights, ReadOnlySpan<float> lastStateGradient, Span<float> inputGradients, int batch, int units)
    {
        var stepSize = batch * units;
        var steps = inputGradients.Length / stepSize;
        Span<float> stateGradient = new float[stepSize];
        lastStateGradient.CopyTo(stateGradient);
        for (var t = steps - 1; t >= 0; t--)
        {
            var inputGradient = inputGradients.Slice(t * stepSize, stepSize);
            TimesTanhDerivative(stateGradient, states.Slice((t + 1) * stepSize, stepSize), inputGradient);
            if (t == 0)
                break;
            stateGradient.Clear();
            for (var b = 0; b < batch; b++)
                VectorKernels.AddProduct(inputGradient.Slice(b * units, units), weights, stateGradient.Slice(b * units, units));
        }
    }

    /// <summary>destination = gradient (1 - state^2), tanh's derivative written with its output.</summary>
    private static void TimesTanhDerivative(ReadOnlySpan<float> gradient, ReadOnlySpan<float> state, Span<float> destination)
    {
        var i = 0;
        for (; i <= state.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var h = new Vector<float>(state[i..]);
            (new Vector<float>(gradient[i..]) * (Vector<float>.One - h * h)).CopyTo(destination[i..]);
        }
        for (; i < state.Length; i++)
            destination[i] = gradient[i] * (1 - state[i] * state[i]);
    }
}
