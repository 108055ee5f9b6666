using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The per-step arithmetic of <see cref="LstmRecurrence"/> for one row over plain memory, row-major, time-major
/// within the row: gates [time, 4 units] in torch's order (input, forget, cell, output), cells, their tanh and the
/// outputs [time, units]. A row runs over its first <c>length</c> positions from a zero state, in order or, for the
/// backward direction of a bidirectional layer, in reverse (<see cref="Position"/>); the matrix products are
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
    public static void Forward(
        Span<float> gates, ReadOnlySpan<float> recurrentTransposed, Span<float> cells, Span<float> cellTanh, Span<float> outputs, int length, int units, bool reverse)
    {
        var gateWidth = 4 * units;
        for (var step = 0; step < length; step++)
        {
            var (t, previous) = (Position(step, length, reverse), Position(step - 1, length, reverse));
            var z = gates.Slice(t * gateWidth, gateWidth);
            if (step > 0)
                VectorKernels.AddProduct(outputs.Slice(previous * units, units), recurrentTransposed, z);
            var inputAndForget = z[..(2 * units)];
            TensorPrimitives.Sigmoid(inputAndForget, inputAndForget);
            Span<float> input = z[..units], forget = z.Slice(units, units), cell = z.Slice(2 * units, units), output = z.Slice(3 * units, units);
            TensorPrimitives.Tanh(cell, cell);
            TensorPrimitives.Sigmoid(output, output);
            var c = cells.Slice(t * units, units);
            TensorPrimitives.Multiply(input, cell, c);
            if (step > 0)
                TensorPrimitives.MultiplyAdd(forget, cells.Slice(previous * units, units), c, c);
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
        ReadOnlySpan<float> recurrent, Span<float> gateGradients, int length, int units, bool reverse)
    {
        var gateWidth = 4 * units;
        Span<float> hiddenGradient = stackalloc float[units];
        Span<float> cellGradient = stackalloc float[units];
        Span<float> zeroCell = stackalloc float[units];
        hiddenGradient.Clear();
        cellGradient.Clear();
        zeroCell.Clear();
        for (var step = length - 1; step >= 0; step--)
        {
            var (t, previous) = (Position(step, length, reverse), Position(step - 1, length, reverse));
            var dz = gateGradients.Slice(t * gateWidth, gateWidth);
            var values = new StepValues(gates.Slice(t * gateWidth, gateWidth), cellTanh.Slice(t * units, units), step > 0 ? cells.Slice(previous * units, units) : zeroCell, units);
            AddStepGradients(values, outputGradients.Slice(t * units, units), hiddenGradient, cellGradient, dz);
            hiddenGradient.Clear();
            if (step > 0)
                VectorKernels.AddProduct(dz, recurrent, hiddenGradient);
        }
    }

    /// <summary>The position a row's step runs at: step itself, or from its last real position back for the reverse direction.</summary>
    private static int Position(int step, int length, bool reverse) => reverse ? length - 1 - step : step;

    /// <summary>One step's gate activations [4 units], tanh(c_t) and c_{t-1} [units].</summary>
    private readonly ref struct StepValues(ReadOnlySpan<float> gates, ReadOnlySpan<float> cellTanh, ReadOnlySpan<float> previousCell, int units)
    {
        public ReadOnlySpan<float> Input { get; } = gates[..units];
        public ReadOnlySpan<float> Forget { get; } = gates.Slice(units, units);
        public ReadOnlySpan<float> Cell { get; } = gates.Slice(2 * units, units);
        public ReadOnlySpan<float> Output { get; } = gates.Slice(3 * units, units);
        public ReadOnlySpan<float> CellTanh { get; } = cellTanh;
        public ReadOnlySpan<float> PreviousCell { get; } = previousCell;
    }

    /// <summary>
    /// dz [4 units] = the pre-activations' gradient, from dL/dh_t = the output's gradient + hiddenGradient (dL/dz_{t+1} W_hh)
    /// and dL/dc_t = cellGradient + dL/dh_t o (1 - tanh(c_t)^2); cellGradient becomes dL/dc_{t-1} = dL/dc_t f.
    /// </summary>
    private static void AddStepGradients(StepValues step, ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> hiddenGradient, Span<float> cellGradient, Span<float> dz)
    {
        var units = outputGradient.Length;
        var one = Vector<float>.One;
        var j = 0;
        for (; j <= units - Vector<float>.Count; j += Vector<float>.Count)
        {
            Vector<float> i = new(step.Input[j..]), f = new(step.Forget[j..]), g = new(step.Cell[j..]), o = new(step.Output[j..]), tc = new(step.CellTanh[j..]);
            var dh = new Vector<float>(outputGradient[j..]) + new Vector<float>(hiddenGradient[j..]);
            var dc = new Vector<float>(cellGradient[j..]) + dh * o * (one - tc * tc);
            (dc * g * i * (one - i)).CopyTo(dz[j..]);
            (dc * new Vector<float>(step.PreviousCell[j..]) * f * (one - f)).CopyTo(dz[(units + j)..]);
            (dc * i * (one - g * g)).CopyTo(dz[(2 * units + j)..]);
            (dh * tc * o * (one - o)).CopyTo(dz[(3 * units + j)..]);
            (dc * f).CopyTo(cellGradient[j..]);
        }

        for (; j < units; j++)
        {
            float i = step.Input[j], f = step.Forget[j], g = step.Cell[j], o = step.Output[j], tc = step.CellTanh[j];
            var dh = outputGradient[j] + hiddenGradient[j];
            var dc = cellGradient[j] + dh * o * (1 - tc * tc);
            dz[j] = dc * g * i * (1 - i);
            dz[units + j] = dc * step.PreviousCell[j] * f * (1 - f);
            dz[2 * units + j] = dc * i * (1 - g * g);
            dz[3 * units + j] = dh * tc * o * (1 - o);
            cellGradient[j] = dc * f;
        }
    }
}
