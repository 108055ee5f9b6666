using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The recurrence of one direction of one LSTM layer as one autograd node, in torch's semantics and weight layout
/// (nn.LSTM with one layer, batch first, gates input, forget, cell, output): the gates' input projections
/// [batch, time, 4 units] (float32: x W_ih^T + b_ih + b_hh, computed by the caller), each row's length (int64 [batch]),
/// W_hh [4 units, units] and whether the direction runs in reverse; returns the outputs [batch, time, units]. Row b
/// runs over its first lengths[b] positions from a zero state, from the first or (reverse) from the last of them, and
/// its outputs after them are zero.
/// </summary>
/// <remarks>
/// torch's LSTM records a handful of small operations a step, each dispatched and differentiated on its own, which
/// for 32 units costs more than the arithmetic. Here the steps run forward and backward through time in managed code
/// (<see cref="LstmRecurrenceKernels"/>) over the tensors' memory, and the recurrent weights' gradient is one matrix
/// product over all steps; the input projections are the caller's (one matrix product over all steps, or for a first
/// layer whose dropout drops whole tokens a lookup, <see cref="ProjectedEmbedding"/>), and so is their backward. A row
/// stops at its length, so the padding after a masked row's real tokens costs no steps, and the reverse direction reads
/// its positions backwards instead of running over a reversed copy of the inputs. The node takes over its projections'
/// memory: the steps write the gate activations over them, and backward writes the gates' gradients over those, which
/// it returns as the projections' gradient. So the projections must be a tensor nothing else reads (the output of the
/// product or lookup that made them), and a graph through this node can be differentiated once (as training does),
/// not twice with retain_graph.
/// </remarks>
internal sealed class LstmRecurrence : autograd.SingleTensorFunction<LstmRecurrence>
{
    private const string Reverse = "reverse";

    public override string Name => nameof(LstmRecurrence);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var gates = (Tensor)vars[0];
        if (!gates.is_contiguous())
            throw new ArgumentException("The gates' input projections must be a contiguous tensor of their own: the node writes over them.", nameof(vars));
        var lengths = ((Tensor)vars[1]).to_type(ScalarType.Int64).contiguous();
        var recurrentWeights = ((Tensor)vars[2]).contiguous();
        var reverse = (bool)vars[3];
        var (batch, time) = (gates.shape[0], gates.shape[1]);
        var units = recurrentWeights.shape[1];
        var cells = empty(batch, time, units, dtype: gates.dtype);
        var cellTanh = empty(batch, time, units, dtype: gates.dtype);
        var outputs = zeros(batch, time, units, dtype: gates.dtype);
        var recurrentTransposed = Floats(recurrentWeights.t().contiguous());
        Span<float> gateValues = Floats(gates), cellValues = Floats(cells), tanhValues = Floats(cellTanh), outputValues = Floats(outputs);
        var (gateRow, unitRow) = ((int)(time * 4 * units), (int)(time * units));
        var rowLengths = Longs(lengths);
        for (var b = 0; b < batch; b++)
        {
            LstmRecurrenceKernels.Forward(
                gateValues.Slice(b * gateRow, gateRow), recurrentTransposed, cellValues.Slice(b * unitRow, unitRow), tanhValues.Slice(b * unitRow, unitRow),
                outputValues.Slice(b * unitRow, unitRow), RealTokens.CheckedLength(rowLengths[b], time), (int)units, reverse);
        }

        ctx.save_for_backward([lengths, recurrentWeights, gates, cells, cellTanh, outputs]);
        ctx.save_data(Reverse, reverse);
        return outputs;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
    {
        var saved = ctx.get_saved_variables();
        var (lengths, recurrentWeights, gates, cells, cellTanh, outputs) = (saved[0], saved[1], saved[2], saved[3], saved[4], saved[5]);
        var (batch, time) = (gates.shape[0], gates.shape[1]);
        var units = recurrentWeights.shape[1];
        var reverse = (bool)ctx.get_data(Reverse);
        var outputGradients = grad.contiguous();
        // The gates' gradients overwrite the gate activations they are computed from, which nothing else reads: no
        // tensor of their size is allocated and zeroed, and a step's reads and writes stay in the same cache lines.
        var gateGradients = gates;
        Span<float> gateValues = Floats(gates), cellValues = Floats(cells), tanhValues = Floats(cellTanh), gradientValues = Floats(outputGradients);
        Span<float> recurrent = Floats(recurrentWeights);
        var (gateRow, unitRow) = ((int)(time * 4 * units), (int)(time * units));
        var rowLengths = Longs(lengths);
        for (var b = 0; b < batch; b++)
        {
            LstmRecurrenceKernels.Backward(
                gateValues.Slice(b * gateRow, gateRow), cellValues.Slice(b * unitRow, unitRow), tanhValues.Slice(b * unitRow, unitRow),
                gradientValues.Slice(b * unitRow, unitRow), recurrent, RealTokens.CheckedLength(rowLengths[b], time), (int)units, reverse);
        }

        // Each position's previous state: the output one position earlier, or later in reverse (zero past a row's length).
        var zeroStep = zeros(batch, 1, units, dtype: gates.dtype);
        var previousOutputs = (reverse ? cat([outputs.narrow(1, 1, time - 1), zeroStep], 1) : cat([zeroStep, outputs.narrow(1, 0, time - 1)], 1)).view(batch * time, units);
        return [gateGradients, null!, gateGradients.view(batch * time, 4 * units).t().mm(previousOutputs), null!];
    }
}
