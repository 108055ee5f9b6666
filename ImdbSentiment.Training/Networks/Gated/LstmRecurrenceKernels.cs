using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The per-step arithmetic of <see cref="LstmRecurrence"/> for one row over plain memory, row-major, time-major
/// within the row: gates [time, 4 units] in torch's order (input, forget, cell, output), cells, their tanh and the
/// outputs [time, units]. A row runs over its first <c>length</c> positions from a zero state, in order or, for the
/// backward direction of a bidirectional layer, in reverse (<see cref="Position"/>); the matrix products are
/// <see cref="VectorKernels.AddProduct"/>. Each step's element-wise work is one formula over vectors of units; a tail
/// shorter than a vector runs the same formula a unit at a time (broadcast to a vector), so every unit gets the same
/// arithmetic whatever the machine's vector width. The loops are compiled optimised from their first call, as
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
        CheckLengths(length, units, gates, recurrentTransposed, cells.Length, cellTanh.Length, outputs.Length);
        var gateWidth = 4 * units;
        Span<float> zeroCell = stackalloc float[units];
        zeroCell.Clear();
        for (var step = 0; step < length; step++)
        {
            var (t, previous) = (Position(step, length, reverse), Position(step - 1, length, reverse));
            var z = gates.Slice(t * gateWidth, gateWidth);
            if (step > 0)
                VectorKernels.AddProduct(outputs.Slice(previous * units, units), recurrentTransposed, z);
            var previousCell = step > 0 ? cells.Slice(previous * units, units) : zeroCell;
            Span<float> cell = cells.Slice(t * units, units), tanhC = cellTanh.Slice(t * units, units), output = outputs.Slice(t * units, units);
            ActivateGates(z, units);
            var j = 0;
            for (; j <= units - Vector<float>.Count; j += Vector<float>.Count)
                UpdateCell(z, previousCell, cell, tanhC, output, units, j, Vector<float>.Count);
            for (; j < units; j++)
                UpdateCell(z, previousCell, cell, tanhC, output, units, j, 1);
        }
    }

    /// <summary>
    /// Backward through time from the outputs' gradient (dL/dh_t [time, units], the loss's own): each step's gradient of
    /// the gates' pre-activations overwrites that step's gate activations in gates [time, 4 units] (a step reads its own
    /// before writing), where dL/dh_{t-1} gains dL/dz_t W_hh and dL/dc_{t-1} is dL/dc_t f_t; the positions after the
    /// row's length become 0. The weights', biases' and inputs' gradients are matrix products over all steps, left to the
    /// caller. recurrent is W_hh [4 units, units].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(
        Span<float> gates, ReadOnlySpan<float> cells, ReadOnlySpan<float> cellTanh, ReadOnlySpan<float> outputGradients,
        ReadOnlySpan<float> recurrent, int length, int units, bool reverse)
    {
        CheckLengths(length, units, gates, recurrent, cells.Length, cellTanh.Length, outputGradients.Length);
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
            var dz = gates.Slice(t * gateWidth, gateWidth);
            var values = new StepValues(gates.Slice(t * gateWidth, gateWidth), cellTanh.Slice(t * units, units), step > 0 ? cells.Slice(previous * units, units) : zeroCell);
            var outputGradient = outputGradients.Slice(t * units, units);
            var j = 0;
            for (; j <= units - Vector<float>.Count; j += Vector<float>.Count)
                AddUnitGradients(values, outputGradient, hiddenGradient, cellGradient, dz, units, j, Vector<float>.Count);
            for (; j < units; j++)
                AddUnitGradients(values, outputGradient, hiddenGradient, cellGradient, dz, units, j, 1);
            hiddenGradient.Clear();
            if (step > 0)
                VectorKernels.AddProduct(dz, recurrent, hiddenGradient);
        }

        gates[(length * gateWidth)..].Clear();
    }

    /// <summary>The position a row's step runs at: step itself, or from its last real position back for the reverse direction.</summary>
    private static int Position(int step, int length, bool reverse) => reverse ? length - 1 - step : step;

    /// <summary>
    /// z's pre-activations [4 units] become the gate activations: sigmoid for i, f and o, tanh for g. Each gate's vectors
    /// are independent of the others, so the processor overlaps their activations; computed unit block by unit block
    /// with the cell after them, each block waited on its own chain of exp, division and tanh (the forward step took
    /// 730 ns a row for 32 units that way).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ActivateGates(Span<float> z, int units)
    {
        for (var gate = 0; gate < 4; gate++)
        {
            var (start, end) = (gate * units, (gate + 1) * units);
            var j = start;
            for (; j <= end - Vector<float>.Count; j += Vector<float>.Count)
                Store(Activate(gate, Load(z, j, Vector<float>.Count)), z, j, Vector<float>.Count);
            for (; j < end; j++)
                Store(Activate(gate, Load(z, j, 1)), z, j, 1);
        }
    }

    /// <summary>The activation of torch's gate number gate (input, forget, cell, output): tanh for the cell gate, else sigmoid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Activate(int gate, Vector<float> preActivation) =>
        gate == 2 ? VectorActivations.Tanh(preActivation) : VectorActivations.Sigmoid(preActivation);

    /// <summary>
    /// Units j to j + count (count: a vector's width, or 1 for the tail) of one step from its gate activations in z: the
    /// cell, its tanh and the output.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UpdateCell(ReadOnlySpan<float> z, ReadOnlySpan<float> previousCell, Span<float> cell, Span<float> cellTanh, Span<float> output, int units, int j, int count)
    {
        var (i, f, g, o) = (Load(z, j, count), Load(z, units + j, count), Load(z, 2 * units + j, count), Load(z, 3 * units + j, count));
        var c = i * g + f * Load(previousCell, j, count);
        var tanhC = VectorActivations.Tanh(c);
        Store(c, cell, j, count);
        Store(tanhC, cellTanh, j, count);
        Store(o * tanhC, output, j, count);
    }

    /// <summary>One step's gate activations [4 units], tanh(c_t) and c_{t-1} [units].</summary>
    private readonly ref struct StepValues(ReadOnlySpan<float> gates, ReadOnlySpan<float> cellTanh, ReadOnlySpan<float> previousCell)
    {
        public ReadOnlySpan<float> Gates { get; } = gates;
        public ReadOnlySpan<float> CellTanh { get; } = cellTanh;
        public ReadOnlySpan<float> PreviousCell { get; } = previousCell;
    }

    /// <summary>
    /// Units j to j + count of dz [4 units], the pre-activations' gradient, from dL/dh_t = the output's gradient +
    /// hiddenGradient (dL/dz_{t+1} W_hh) and dL/dc_t = cellGradient + dL/dh_t o (1 - tanh(c_t)^2); cellGradient becomes
    /// dL/dc_{t-1} = dL/dc_t f.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddUnitGradients(
        StepValues step, ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> hiddenGradient, Span<float> cellGradient, Span<float> dz, int units, int j, int count)
    {
        var one = Vector<float>.One;
        var (i, f, g, o) = (Load(step.Gates, j, count), Load(step.Gates, units + j, count), Load(step.Gates, 2 * units + j, count), Load(step.Gates, 3 * units + j, count));
        var tanhC = Load(step.CellTanh, j, count);
        var dh = Load(outputGradient, j, count) + Load(hiddenGradient, j, count);
        var dc = Load(cellGradient, j, count) + dh * o * (one - tanhC * tanhC);
        Store(dc * g * i * (one - i), dz, j, count);
        Store(dc * Load(step.PreviousCell, j, count) * f * (one - f), dz, units + j, count);
        Store(dc * i * (one - g * g), dz, 2 * units + j, count);
        Store(dh * tanhC * o * (one - o), dz, 3 * units + j, count);
        Store(dc * f, cellGradient, j, count);
    }

    /// <summary>A vector of values from index on, or (count 1) the value at index in every lane; the caller has checked the bounds (<see cref="CheckLengths"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ReadOnlySpan<float> values, int index, int count) =>
        count == 1
            ? new Vector<float>(Unsafe.Add(ref MemoryMarshal.GetReference(values), index))
            : Vector.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)index);

    /// <summary>Stores a vector from index on, or (count 1) its first lane at index; the caller has checked the bounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> value, Span<float> values, int index, int count)
    {
        if (count == 1)
            Unsafe.Add(ref MemoryMarshal.GetReference(values), index) = value[0];
        else
            value.StoreUnsafe(ref MemoryMarshal.GetReference(values), (nuint)index);
    }

    /// <summary>
    /// Checks once that every span holds a row of length steps, so that the steps' loads and stores, which are not
    /// checked one by one (the checks cost a third of a step's instructions), stay inside them.
    /// </summary>
    private static void CheckLengths(int length, int units, ReadOnlySpan<float> gates, ReadOnlySpan<float> recurrent, params ReadOnlySpan<int> unitRowLengths)
    {
        if (length < 1 || units < 1 || gates.Length < length * 4 * units || recurrent.Length != 4 * units * units)
            throw new ArgumentException($"An LSTM row of {length} steps and {units} units needs gates of {length * 4 * units} values and recurrent weights of {4 * units * units}, got {gates.Length} and {recurrent.Length}.");
        foreach (var rowLength in unitRowLengths)
        {
            if (rowLength < length * units)
                throw new ArgumentException($"An LSTM row of {length} steps and {units} units needs {length * units} values a state, got {rowLength}.");
        }
    }
}
