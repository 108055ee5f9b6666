using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The per-step arithmetic of <see cref="LstmRecurrence"/> for one row over plain memory, row-major, time-major
/// within the row: gates [time, 4 units] in torch's order (input, forget, cell, output), cells, their tanh and the
/// outputs [time, units]. A row runs its first <c>length</c> steps from a zero state; the matrix products are
/// <see cref="VectorKernels.AddProduct"/>. The loops are compiled optimised from their first call, as
/// <see cref="TanhRecurrenceKernels"/> are.
/// </summary>
internal static class LstmRecurrenceKernels
{
    /// <summary>
    /// gates holds each step's input projection (x W_ih^T + both biases) and is overwritten with the gate activations:
    /// i, f, o = sigmoid(z), g = tanh(z), z = projection + h_{t-1} W_hh^T; c_t = f c_{t-1} + i g, h_t = o tanh(c_t).
    /// recurrentTransposed is W_hh^T [units, 4 units].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(Span<float> gates, ReadOnlySpan<float> recurrentTransposed, Span<float> cells, Span<float> cellTanh, Span<float> outputs, int length, int units)
    {
        var gateWidth = 4 * units;
        for (var t = 0; t < length; t++)
        {
            var z = gates.Slice(t * gateWidth, gateWidth);
            if (t > 0)
                VectorKernels.AddProduct(outputs.Slice((t - 1) * units, units), recurrentTransposed, z);
            var inputAndForget = z[..(2 * units)];
            TensorPrimitives.Sigmoid(inputAndForget, inputAndForget);
            Span<float> input = z[..units], forget = z.Slice(units, units), cell = z.Slice(2 * units, units), output = z.Slice(3 * units, units);
            TensorPrimitives.Tanh(cell, cell);
            TensorPrimitives.Sigmoid(output, output);
            var c = cells.Slice(t * units, units);
            TensorPrimitives.Multiply(input, cell, c);
            if (t > 0)
                TensorPrimitives.MultiplyAdd(forget, cells.Slice((t - 1) * units, units), c, c);
            var tanhC = cellTanh.Slice(t * units, units);
            TensorPrimitives.Tanh(c, tanhC);
            TensorPrimitives.Multiply(output, tanhC, outputs.Slice(t * units, units));
        }
    }

    /// <summary>
    /// Backward through time from the outputs' gradient (dL/dh_t [time, units], the loss's own): each step's gradient of
    /// the gates' pre-activations into gateGradients [time, 4 units], where dL/dh_{t-1} gains dL/dz_t W_hh and dL/dc_{t-1}
    /// is dL/dc_t f_t. The weights', biases' and inputs' gradients are matrix products over all steps, left to the caller.
    /// recurrent is W_hh [4 units, units].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(
        ReadOnlySpan<float> gates, ReadOnlySpan<float> cells, ReadOnlySpan<float> cellTanh, ReadOnlySpan<float> outputGradients,
        ReadOnlySpan<float> recurrent, Span<float> gateGradients, int length, int units)
    {
        var gateWidth = 4 * units;
        Span<float> hiddenGradient = stackalloc float[units];
        Span<float> cellGradient = stackalloc float[units];
        hiddenGradient.Clear();
        cellGradient.Clear();
        for (var t = length - 1; t >= 0; t--)
        {
            var a = gates.Slice(t * gateWidth, gateWidth);
            var dz = gateGradients.Slice(t * gateWidth, gateWidth);
            var outputGradient = outputGradients.Slice(t * units, units);
            var tanhC = cellTanh.Slice(t * units, units);
            for (var j = 0; j < units; j++)
            {
                var (i, f, g, o) = (a[j], a[units + j], a[2 * units + j], a[3 * units + j]);
                var dh = outputGradient[j] + hiddenGradient[j];
                var dc = cellGradient[j] + dh * o * (1 - tanhC[j] * tanhC[j]);
                var previousCell = t > 0 ? cells[(t - 1) * units + j] : 0f;
                dz[j] = dc * g * i * (1 - i);
                dz[units + j] = dc * previousCell * f * (1 - f);
                dz[2 * units + j] = dc * i * (1 - g * g);
                dz[3 * units + j] = dh * tanhC[j] * o * (1 - o);
                cellGradient[j] = dc * f;
            }

            hiddenGradient.Clear();
            if (t > 0)
                VectorKernels.AddProduct(dz, recurrent, hiddenGradient);
        }
    }
}
