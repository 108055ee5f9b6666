using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// One direction of one LSTM layer as one autograd node, in torch's semantics and weight layout (nn.LSTM with one
/// layer, batch first, gates input, forget, cell, output): inputs [batch, time, width] (float32), each row's length
/// (int64 [batch]), W_ih [4 units, width], W_hh [4 units, units], b_ih and b_hh [4 units], and whether the direction
/// runs in reverse; returns the outputs [batch, time, units]. Row b runs over its first lengths[b] positions from a zero
/// state, from the first or (reverse) from the last of them, and its outputs after them are zero.
/// </summary>
/// <remarks>
/// torch's LSTM records a handful of small operations a step, each dispatched and differentiated on its own, which
/// for 32 units costs more than the arithmetic. Here the input projections of all steps are one matrix product, the
/// steps run forward and backward through time in managed code (<see cref="LstmRecurrenceKernels"/>) over the tensors'
/// memory, and the weights', biases' and inputs' gradients are three matrix products over all steps. A row stops at
/// its length, so the padding after a masked row's real tokens costs no steps, and the reverse direction reads its
/// positions backwards instead of running over a reversed copy of the inputs. Backward writes the gates' gradients
/// over the saved gate activations, so a graph through this node can be differentiated once (as training does), not
/// twice with retain_graph.
/// </remarks>
internal sealed class LstmRecurrence : autograd.SingleTensorFunction<LstmRecurrence>
{
    private const string Reverse = "reverse";

    public override string Name => nameof(LstmRecurrence);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var inputs = ((Tensor)vars[0]).contiguous();
        var lengths = ((Tensor)vars[1]).to_type(ScalarType.Int64).contiguous();
        var inputWeights = (Tensor)vars[2];
        var recurrentWeights = ((Tensor)vars[3]).contiguous();
        var bias = (Tensor)vars[4] + (Tensor)vars[5];
        var reverse = (bool)vars[6];
        var (batch, time, width) = (inputs.shape[0], inputs.shape[1], inputs.shape[2]);
        var units = recurrentWeights.shape[1];
        var gates = addmm(bias, inputs.view(batch * time, width), inputWeights.t(), beta: 1, alpha: 1).view(batch, time, 4 * units);
        var cells = empty(batch, time, units, dtype: inputs.dtype);
        var cellTanh = empty(batch, time, units, dtype: inputs.dtype);
        var outputs = zeros(batch, time, units, dtype: inputs.dtype);
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

        ctx.save_for_backward([inputs, lengths, inputWeights, recurrentWeights, gates, cells, cellTanh, outputs]);
        ctx.save_data(Reverse, reverse);
        return outputs;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
    {
        var saved = ctx.get_saved_variables();
        var (inputs, lengths, inputWeights, recurrentWeights) = (saved[0], saved[1], saved[2], saved[3]);
        var (gates, cells, cellTanh, outputs) = (saved[4], saved[5], saved[6], saved[7]);
        var (batch, time, width) = (inputs.shape[0], inputs.shape[1], inputs.shape[2]);
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

        var flatGradients = gateGradients.view(batch * time, 4 * units);
        // Each position's previous state: the output one position earlier, or later in reverse (zero past a row's length).
        var zeroStep = zeros(batch, 1, units, dtype: inputs.dtype);
        var previousOutputs = (reverse ? cat([outputs.narrow(1, 1, time - 1), zeroStep], 1) : cat([zeroStep, outputs.narrow(1, 0, time - 1)], 1)).view(batch * time, units);
        var biasGradient = flatGradients.sum([0L]);
        return
        [
            flatGradients.mm(inputWeights).view(batch, time, width),
            null!,
            flatGradients.t().mm(inputs.view(batch * time, width)),
            flatGradients.t().mm(previousOutputs),
            biasGradient,
            biasGradient.clone(),
            null!,
        ];
    }
}
