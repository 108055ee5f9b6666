using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A first recurrent layer's input projections from a batch's distinct tokens' embedding rows, as one autograd node:
/// the rows [distinct, width] (<see cref="EmbeddingLookup"/> of <see cref="DistinctTokens.Ids"/>), each position's
/// index among them (int32 [batch, time], <see cref="DistinctTokens.Slots"/>), W_ih [gates, width], b_ih and b_hh
/// [gates] and each position's scale (float32 [batch, time]: a whole-token dropout mask, 0 or 1 / (1 - p); or null
/// for 1) give [batch, time, gates] = scale x row W_ih^T + b_ih + b_hh: nn.Embedding, the mask and the projection in
/// torch's semantics.
/// </summary>
/// <remarks>
/// Projected one position at a time, a share of a bilstm batch (32 reviews, 6,000-7,000 tokens) costs a matrix product
/// of its positions; but it holds only 28-29% as many distinct tokens, and a token's projection is the same wherever it
/// stands when the dropout scales whole tokens. So each distinct token's row is projected once and each position gets
/// its token's projection; backward adds each position's gradient into its token's, and the rows' and the weights'
/// gradients are products over the distinct tokens alone. The directions of a layer share the rows, so the table's
/// dense gradient is made once, by the lookup.
/// </remarks>
internal sealed class ProjectedEmbedding : autograd.SingleTensorFunction<ProjectedEmbedding>
{
    public override string Name => nameof(ProjectedEmbedding);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var rows = ((Tensor)vars[0]).contiguous();
        var slots = ((Tensor)vars[1]).contiguous();
        var weights = (Tensor)vars[2];
        var bias = ((Tensor)vars[3]).add((Tensor)vars[4], KeptScalars.One).contiguous();
        var scale = (vars[5] as Tensor)?.contiguous();
        var (distinct, gateWidth) = ((int)rows.shape[0], (int)weights.shape[0]);
        var projected = rows.mm(weights.t());
        var gates = empty([.. slots.shape, gateWidth], dtype: rows.dtype);
        ReadOnlySpan<float> projectedValues = Floats(projected), biasValues = Floats(bias);
        ReadOnlySpan<float> scales = scale is null ? default : Floats(scale);
        ReadOnlySpan<int> positionSlots = Ints(slots);
        Span<float> gateValues = Floats(gates);
        for (var position = 0; position < positionSlots.Length; position++)
        {
            VectorKernels.ScaleAdd(
                projectedValues.Slice(Slot(positionSlots[position], distinct) * gateWidth, gateWidth), scale is null ? 1 : scales[position], biasValues,
                gateValues.Slice(position * gateWidth, gateWidth));
        }

        ctx.save_for_backward([rows, slots, weights, .. scale is null ? Array.Empty<Tensor>() : [scale]]);
        return gates;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
    {
        var saved = ctx.get_saved_variables();
        var (rows, slots, weights) = (saved[0], saved[1], saved[2]);
        var scale = saved.Count > 3 ? saved[3] : null;
        var gateWidth = (int)weights.shape[0];
        var gradients = grad.contiguous();
        var distinctGradients = zeros(rows.shape[0], gateWidth, dtype: grad.dtype);
        ReadOnlySpan<float> gradientValues = Floats(gradients);
        ReadOnlySpan<float> scales = scale is null ? default : Floats(scale);
        ReadOnlySpan<int> positionSlots = Ints(slots);
        Span<float> distinctValues = Floats(distinctGradients);
        for (var position = 0; position < positionSlots.Length; position++)
        {
            var sum = distinctValues.Slice(positionSlots[position] * gateWidth, gateWidth);
            VectorKernels.ScaleAdd(gradientValues.Slice(position * gateWidth, gateWidth), scale is null ? 1 : scales[position], sum, sum);
        }

        var biasGradient = gradients.view(-1, gateWidth).sum([0L]);
        return [distinctGradients.mm(weights), null!, distinctGradients.t().mm(rows), biasGradient, biasGradient.clone(), null!];
    }

    private static int Slot(int slot, int distinct) =>
        slot >= 0 && slot < distinct ? slot : throw new ArgumentOutOfRangeException(nameof(slot), slot, $"A position's slot must be 0 to {distinct - 1}.");
}
