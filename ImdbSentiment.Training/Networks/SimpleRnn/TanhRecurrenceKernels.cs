using System.Numerics;
using System.Numerics.Tensors;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The arithmetic of <see cref="TanhRecurrence"/> over plain float memory, row-major: inputs and states
/// [time, batch, units], weights [units, units] (torch's layout, h_{t-1} W^T). A row's units are processed a
/// <see cref="Vector{T}"/> at a time with a scalar tail, each element summed over the same terms in the same order
/// (multiply, then add: no fused multiply-add), so the result does not depend on the machine's vector width.
/// </summary>
internal static class TanhRecurrenceKernels
{
    /// <summary>states[0] = 0, states[t + 1] = tanh(inputs[t] + states[t] W^T); states holds time + 1 steps.</summary>
    public static void Forward(ReadOnlySpan<float> inputs, ReadOnlySpan<float> weights, Span<float> states, int batch, int units)
    {
        var stepSize = batch * units;
        var steps = inputs.Length / stepSize;
        var transposed = new float[units * units];
        for (var i = 0; i < units; i++)
            for (var j = 0; j < units; j++)
                transposed[j * units + i] = weights[i * units + j];

        states[..stepSize].Clear();
        for (var t = 0; t < steps; t++)
        {
            var previous = states.Slice(t * stepSize, stepSize);
            var current = states.Slice((t + 1) * stepSize, stepSize);
            inputs.Slice(t * stepSize, stepSize).CopyTo(current);
            for (var b = 0; b < batch; b++)
                AddProduct(previous.Slice(b * units, units), transposed, current.Slice(b * units, units));
            TensorPrimitives.Tanh(current, current);
        }
    }

    /// <summary>
    /// Backward through time from <paramref name="lastStateGradient"/> (dL/dh_T, [batch, units]): each step's input
    /// gradient (dL/dx_t = dL/dh_t (1 - h_t^2)) and the weights' gradient (the sum over steps of dL/dx_t^T h_{t-1}).
    /// </summary>
    public static void Backward(ReadOnlySpan<float> states, ReadOnlySpan<float> weights, ReadOnlySpan<float> lastStateGradient,
        Span<float> inputGradients, Span<float> weightGradient, int batch, int units)
    {
        var stepSize = batch * units;
        var steps = inputGradients.Length / stepSize;
        var stateGradient = new float[stepSize];
        lastStateGradient.CopyTo(stateGradient);
        var stepWeightGradient = new float[units * units];
        // Summing 100 steps of 64 rows in float would lose digits that torch's blocked matrix product keeps.
        var weightGradientSum = new double[units * units];
        for (var t = steps - 1; t >= 0; t--)
        {
            var state = states.Slice((t + 1) * stepSize, stepSize);
            var previous = states.Slice(t * stepSize, stepSize);
            var inputGradient = inputGradients.Slice(t * stepSize, stepSize);
            TimesTanhDerivative(stateGradient, state, inputGradient);

            Array.Clear(stepWeightGradient);
            Array.Clear(stateGradient);
            for (var b = 0; b < batch; b++)
            {
                var rowGradient = inputGradient.Slice(b * units, units);
                var previousRow = previous.Slice(b * units, units);
                AddProduct(rowGradient, weights, stateGradient.AsSpan(b * units, units));
                for (var i = 0; i < units; i++)
                    AddScaled(previousRow, rowGradient[i], stepWeightGradient.AsSpan(i * units, units));
            }

            for (var k = 0; k < weightGradientSum.Length; k++)
                weightGradientSum[k] += stepWeightGradient[k];
        }

        for (var k = 0; k < weightGradientSum.Length; k++)
            weightGradient[k] = (float)weightGradientSum[k];
    }

    /// <summary>destination += row M for one row [units] and M [units, units].</summary>
    private static void AddProduct(ReadOnlySpan<float> row, ReadOnlySpan<float> matrix, Span<float> destination)
    {
        var units = row.Length;
        var column = 0;
        for (; column <= units - Vector<float>.Count; column += Vector<float>.Count)
        {
            var sum = new Vector<float>(destination[column..]);
            for (var k = 0; k < units; k++)
                sum += new Vector<float>(matrix[(k * units + column)..]) * row[k];
            sum.CopyTo(destination[column..]);
        }

        for (; column < units; column++)
        {
            var sum = destination[column];
            for (var k = 0; k < units; k++)
                sum += matrix[k * units + column] * row[k];
            destination[column] = sum;
        }
    }

    /// <summary>destination += source * scale.</summary>
    private static void AddScaled(ReadOnlySpan<float> source, float scale, Span<float> destination)
    {
        var i = 0;
        for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            (new Vector<float>(destination[i..]) + new Vector<float>(source[i..]) * scale).CopyTo(destination[i..]);
        for (; i < source.Length; i++)
            destination[i] += source[i] * scale;
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
