using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A first recurrent layer's input projections straight from token ids, as one autograd node: the embedding table
/// [vocabulary, width], the ids [batch, time] (int64), W_ih [gates, width], b_ih and b_hh [gates] and each position's
/// scale (float32 [batch, time]: a whole-token dropout mask, 0 or 1 / (1 - p); or null for 1) give
/// [batch, time, gates] = scale x table[id] W_ih^T + b_ih + b_hh, which is nn.Embedding, the mask and the projection in
/// torch's semantics.
/// </summary>
/// <remarks>
/// Projected one position at a time, a share of a bilstm batch (32 reviews, 6,000-7,000 tokens) costs a matrix product
/// of its positions; but it holds only 28-29% as many distinct tokens, and a token's projection is the same wherever it
/// stands when the dropout scales whole tokens. So the distinct tokens' rows are projected once and each position
/// gets its token's projected row; backward adds each position's gradient into its token's row, and the table's and
/// the weights' gradients are products over the distinct tokens alone. The table's gradient is dense, as
/// <see cref="EmbeddingLookup"/>'s.
/// </remarks>
internal sealed class ProjectedEmbedding : autograd.SingleTensorFunction<ProjectedEmbedding>
{
    private const string VocabularySize = "vocabulary size";

    public override string Name => nameof(ProjectedEmbedding);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var table = ((Tensor)vars[0]).contiguous();
        var ids = ((Tensor)vars[1]).to_type(ScalarType.Int64).contiguous();
        var weights = (Tensor)vars[2];
        var bias = ((Tensor)vars[3] + (Tensor)vars[4]).contiguous();
        var scale = (vars[5] as Tensor)?.contiguous();
        var (vocabulary, width, gateWidth) = (table.shape[0], (int)table.shape[1], (int)weights.shape[0]);
        var (distinct, slots) = DistinctTokens(Longs(ids), vocabulary);
        var distinctRows = empty(distinct.Length, width, dtype: table.dtype);
        ReadOnlySpan<float> tableValues = Floats(table);
        Span<float> rowValues = Floats(distinctRows);
        for (var slot = 0; slot < distinct.Length; slot++)
            tableValues.Slice((int)distinct[slot] * width, width).CopyTo(rowValues.Slice(slot * width, width));
        var projected = distinctRows.mm(weights.t());
        var gates = empty([.. ids.shape, gateWidth], dtype: table.dtype);
        ReadOnlySpan<float> projectedValues = Floats(projected), biasValues = Floats(bias);
        ReadOnlySpan<float> scales = scale is null ? default : Floats(scale);
        Span<float> gateValues = Floats(gates);
        for (var position = 0; position < slots.Length; position++)
        {
            VectorKernels.ScaleAdd(
                projectedValues.Slice(slots[position] * gateWidth, gateWidth), scale is null ? 1 : scales[position], biasValues,
                gateValues.Slice(position * gateWidth, gateWidth));
        }

        ctx.save_for_backward([ids, weights, distinctRows, tensor(distinct), tensor(slots), .. scale is null ? Array.Empty<Tensor>() : [scale]]);
        ctx.save_data(VocabularySize, vocabulary);
        return gates;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
    {
        var saved = ctx.get_saved_variables();
        var (weights, distinctRows, distinct, slots) = (saved[1], saved[2], saved[3], saved[4]);
        var scale = saved.Count > 5 ? saved[5] : null;
        var vocabulary = (long)ctx.get_data(VocabularySize);
        var (width, gateWidth) = ((int)distinctRows.shape[1], (int)weights.shape[0]);
        var gradients = grad.contiguous();
        var distinctGradients = zeros(distinct.shape[0], gateWidth, dtype: grad.dtype);
        ReadOnlySpan<float> gradientValues = Floats(gradients);
        ReadOnlySpan<float> scales = scale is null ? default : Floats(scale);
        Span<float> distinctValues = Floats(distinctGradients);
        var positionSlots = Ints(slots);
        for (var position = 0; position < positionSlots.Length; position++)
        {
            VectorKernels.ScaleAdd(
                gradientValues.Slice(position * gateWidth, gateWidth), scale is null ? 1 : scales[position], distinctValues.Slice(positionSlots[position] * gateWidth, gateWidth),
                distinctValues.Slice(positionSlots[position] * gateWidth, gateWidth));
        }

        var tableGradient = zeros(vocabulary, width, dtype: grad.dtype);
        var distinctTableGradients = distinctGradients.mm(weights);
        ReadOnlySpan<float> rowGradients = Floats(distinctTableGradients);
        Span<float> tableGradientValues = Floats(tableGradient);
        var tokens = Longs(distinct);
        for (var slot = 0; slot < tokens.Length; slot++)
            rowGradients.Slice(slot * width, width).CopyTo(tableGradientValues.Slice((int)tokens[slot] * width, width));
        var biasGradient = gradients.view(-1, gateWidth).sum([0L]);
        return [tableGradient, null!, distinctGradients.t().mm(distinctRows), biasGradient, biasGradient.clone(), null!];
    }

    /// <summary>The distinct ids in order of first appearance, and each position's index among them.</summary>
    private static (long[] Distinct, int[] Slots) DistinctTokens(ReadOnlySpan<long> ids, long vocabulary)
    {
        var slotOf = new Dictionary<long, int>();
        var distinct = new List<long>();
        var slots = new int[ids.Length];
        for (var position = 0; position < ids.Length; position++)
        {
            var id = ids[position];
            if (id < 0 || id >= vocabulary)
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"A token id must be 0 to {vocabulary - 1}.");
            if (!slotOf.TryGetValue(id, out var slot))
            {
                slot = distinct.Count;
                slotOf.Add(id, slot);
                distinct.Add(id);
            }

            slots[position] = slot;
        }

        return ([.. distinct], slots);
    }
}
