using System.Runtime.Intrinsics;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Evaluates a <see cref="SimpleRnnGraph"/> for one review (a batch of one) giving the very floats onnxruntime's CPU
/// kernels give on an x86-64 machine with AVX2 and FMA3 and without AVX-512, by doing their operations in their order:
/// the RNN kernel's input product (MLAS's FMA3 SGEMM kernel: a fused multiply-add chain over the width, then added
/// to the sum of the two biases), its recurrent product (MLAS's AVX M=1 kernel for a transposed B: products and sums
/// in eight lanes, then reduced in the order its shuffles give), the sum of the two, the RNN's scalar tanh
/// (2 sigmoid(2x) - 1, the sigmoid from single-precision exp), the dense layer (a packed SGEMM: a fused chain, then the bias) and
/// MLAS's logistic (a rational approximation with fused multiply-adds). Another CPU or another onnxruntime may round
/// differently: <see cref="DirectNetwork"/> uses it only after it has given onnxruntime's bits on probe inputs.
/// Thread-safe: it only reads its tables.
/// </summary>
internal sealed class SimpleRnnEvaluator
{
    private const int Lanes = 8;

    private readonly int _units;
    private readonly float[] _inputTable;
    private readonly float[] _recurrent;
    private readonly float[] _dense;
    private readonly float _denseBias;
    private readonly Vector256<float>[]? _recurrentColumns;

    public SimpleRnnEvaluator(SimpleRnnGraph graph)
    {
        _units = graph.Units;
        _recurrent = graph.RecurrentWeights;
        _dense = graph.DenseWeights;
        _denseBias = graph.DenseBias;
        _inputTable = InputTable(graph);
        if (_units == Lanes && Vector256.IsHardwareAccelerated)
            _recurrentColumns = RecurrentColumns(_recurrent);
    }

    private static Vector256<float>[] RecurrentColumns(float[] recurrent)
    {
        var columns = new Vector256<float>[Lanes];
        Span<float> column = stackalloc float[Lanes];
        for (var k = 0; k < Lanes; k++)
        {
            for (var row = 0; row < Lanes; row++)
                column[row] = recurrent[row * Lanes + k];
            columns[k] = Vector256.Create<float>(column);
        }
        return columns;
    }

    public int VocabularySize => _inputTable.Length / _units;

    /// <summary>
    /// Each id's input to the recurrence, X W^T + (Wb + Rb), as the RNN kernel computes it for every time step: the
    /// product depends only on the id, so it is computed once per vocabulary row.
    /// </summary>
    private static float[] InputTable(SimpleRnnGraph graph)
    {
        int units = graph.Units, width = graph.InputWidth;
        var table = new float[checked(graph.VocabularySize * units)];
        for (var id = 0; id < graph.VocabularySize; id++)
        {
            var x = graph.Lookup.AsSpan(id * width, width);
            for (var j = 0; j < units; j++)
            {
                var w = graph.InputWeights.AsSpan(j * width, width);
                var sum = 0f;
                for (var k = 0; k < width; k++)
                    sum = MathF.FusedMultiplyAdd(x[k], w[k], sum);
                table[id * units + j] = sum + (graph.Bias[j] + graph.Bias[units + j]);
            }
        }
        return table;
    }

    /// <summary>The RNN's last hidden state for one row of token ids into <paramref name="hidden"/> (one float per unit).</summary>
    private void LastHidden(ReadOnlySpan<long> tokenIds, Span<float> hidden)
    {
        if (_recurrentColumns is { } columns)
        {
            LastHiddenOfEight(tokenIds, columns, hidden);
            return;
        }
        Span<float> previous = stackalloc float[_units];
        for (var t = 0; t < tokenIds.Length; t++)
        {
            var input = _inputTable.AsSpan(checked((int)tokenIds[t]) * _units, _units);
            if (t == 0)
            {
                // No initial state: the kernel zeroes the frame and adds the input.
                for (var j = 0; j < _units; j++)
                    hidden[j] = Tanh(0f + input[j]);
                continue;
            }
            hidden.CopyTo(previous);
            RecurrentProduct(previous, hidden);
            for (var j = 0; j < _units; j++)
                hidden[j] = Tanh(hidden[j] + input[j]);
        }
    }

    /// <summary>
    /// <see cref="LastHidden"/> for eight units, a lane per unit: with eight columns and every row in a block of four,
    /// the M=1 kernel's row r is (((p0 + p1) + p2) + p3) + (((p4 + p5) + p6) + p7) over its products p_k = h_k R[r, k],
    /// each first added to its zeroed lane, so the same sums over column vectors give every row at once.
    /// </summary>
    private void LastHiddenOfEight(ReadOnlySpan<long> tokenIds, Vector256<float>[] columns, Span<float> hidden)
    {
        Span<float> lanes = stackalloc float[Lanes];
        var zero = Vector256<float>.Zero;
        var h = zero;
        for (var t = 0; t < tokenIds.Length; t++)
        {
            var input = Vector256.Create<float>(_inputTable.AsSpan(checked((int)tokenIds[t]) * Lanes, Lanes));
            Vector256<float> sum;
            if (t == 0)
            {
                sum = zero + input;
            }
            else
            {
                var first = (((zero + columns[0] * h[0]) + (zero + columns[1] * h[1])) + (zero + columns[2] * h[2])) + (zero + columns[3] * h[3]);
                var second = (((zero + columns[4] * h[4]) + (zero + columns[5] * h[5])) + (zero + columns[6] * h[6])) + (zero + columns[7] * h[7]);
                sum = ((first + second) + zero) + input;
            }
            h = Tanh(sum, lanes);
        }
        h.CopyTo(hidden);
    }

    /// <summary>
    /// <see cref="Tanh(float)"/> in every lane: both of the sigmoid's branches take exp(-|2x|), so one exp per lane
    /// and a select give the same floats without a branch.
    /// </summary>
    private static Vector256<float> Tanh(Vector256<float> x, Span<float> lanes)
    {
        var two = Vector256.Create(2f);
        var one = Vector256<float>.One;
        var doubled = two * x;
        (-Vector256.Abs(doubled)).CopyTo(lanes);
        for (var j = 0; j < Lanes; j++)
            lanes[j] = MathF.Exp(lanes[j]);
        var exp = Vector256.Create<float>(lanes);
        var sigmoid = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(doubled, Vector256<float>.Zero), one, exp) / (one + exp);
        return two * sigmoid - one;
    }

    /// <summary>The dense layer on the last hidden state.</summary>
    private float Logit(ReadOnlySpan<float> hidden)
    {
        var sum = 0f;
        for (var k = 0; k < _units; k++)
            sum = MathF.FusedMultiplyAdd(hidden[k], _dense[k], sum);
        return sum + _denseBias;
    }

    /// <summary>The network's logit for one row of token ids (every id a row of the lookup).</summary>
    public float Logit(ReadOnlySpan<long> tokenIds)
    {
        Span<float> hidden = stackalloc float[_units];
        LastHidden(tokenIds, hidden);
        return Logit(hidden);
    }

    /// <summary>
    /// h R^T for a batch of one as MLAS's M=1 transposed-B kernel computes it: each output row's products summed in
    /// eight lanes over the width, eight columns at a time; then rows in fours, a pair and a single, each reduced
    /// across its lanes in the order that block's shuffles give; then the zeroed output (beta 0) added.
    /// </summary>
    private void RecurrentProduct(ReadOnlySpan<float> h, Span<float> output)
    {
        Span<float> lanes = stackalloc float[4 * Lanes];
        var row = 0;
        for (; row + 4 <= _units; row += 4)
        {
            for (var r = 0; r < 4; r++)
                Accumulate(h, row + r, lanes.Slice(r * Lanes, Lanes));
            for (var r = 0; r < 4; r++)
            {
                var l = lanes.Slice(r * Lanes, Lanes);
                output[row + r] = ((((l[0] + l[1]) + l[2]) + l[3]) + (((l[4] + l[5]) + l[6]) + l[7])) + 0f;
            }
        }
        if (((_units - row) & 2) != 0)
        {
            for (var r = 0; r < 2; r++)
            {
                var l = lanes[..Lanes];
                Accumulate(h, row + r, l);
                output[row + r] = (((l[0] + l[2]) + (l[4] + l[6])) + ((l[1] + l[3]) + (l[5] + l[7]))) + 0f;
            }
            row += 2;
        }
        if (((_units - row) & 1) != 0)
        {
            var l = lanes[..Lanes];
            Accumulate(h, row, l);
            output[row] = (((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]))) + 0f;
        }
    }

    private void Accumulate(ReadOnlySpan<float> h, int row, Span<float> lanes)
    {
        var weights = _recurrent.AsSpan(row * _units, _units);
        lanes.Clear();
        for (var k = 0; k < _units; k += Lanes)
        {
            for (var lane = 0; lane < Lanes; lane++)
                lanes[lane] += k + lane < _units ? h[k + lane] * weights[k + lane] : 0f;
        }
    }

    /// <summary>onnxruntime's RNN activation: 2 sigmoid(2x) - 1, its sigmoid written with (single-precision) exp.</summary>
    private static float Tanh(float x) => 2.0f * Sigmoid(2.0f * x) - 1.0f;

    private static float Sigmoid(float x) => x >= 0 ? 1 / (1 + MathF.Exp(-x)) : MathF.Exp(x) / (1 + MathF.Exp(x));

    /// <summary>MLAS's logistic (its FMA3 kernel): the input clamped to [-18, 18], p(x)/q(x) + 1/2, floored at 0.</summary>
    public static float Probability(float logit)
    {
        var x = MathF.Min(18f, MathF.Max(-18f, logit));
        var x2 = x * x;
        var p = MathF.FusedMultiplyAdd(x2, 4.37031012579801e-11f, 1.15627324459942e-07f);
        p = MathF.FusedMultiplyAdd(x2, p, 6.08574864600143e-05f);
        p = MathF.FusedMultiplyAdd(x2, p, 8.51377133304701e-03f);
        p = MathF.FusedMultiplyAdd(x2, p, 2.48287947061529e-01f);
        var q = MathF.FusedMultiplyAdd(x2, 6.10247389755681e-13f, 5.76102136993427e-09f);
        q = MathF.FusedMultiplyAdd(x2, q, 6.29106785017040e-06f);
        q = MathF.FusedMultiplyAdd(x2, q, 1.70198817374094e-03f);
        q = MathF.FusedMultiplyAdd(x2, q, 1.16817656904453e-01f);
        q = MathF.FusedMultiplyAdd(x2, q, 9.93151921023180e-01f);
        return MathF.Max(0f, x * p / q + 0.5f);
    }
}
