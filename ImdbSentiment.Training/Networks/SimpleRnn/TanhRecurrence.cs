using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A tanh RNN over looked-up inputs as one autograd node: x_t = table[ids[:, t]], h_t = tanh(x_t + h_{t-1} W^T),
/// h_0 = 0, returning h_T [batch, units]. Inputs: the input table [vocabulary, units] (float32), the token ids
/// [batch, time] (int64) and W [units, units] (torch's layout, float32), on the CPU. For the recipe's 8 units a step
/// is a few hundred multiply-adds, far less than the dispatch of one libtorch call, so the node looks the rows up and
/// runs the steps forward and backward through time in managed code (<see cref="TanhRecurrenceKernels"/>) over the
/// tensors' memory; the recurrent weights' gradient, summed over all steps, stays one matrix product.
/// </summary>
internal sealed class TanhRecurrence : autograd.SingleTensorFunction<TanhRecurrence>
{
    private const string VocabularySize = "vocabulary size";

    public override string Name => nameof(TanhRecurrence);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var table = ((Tensor)vars[0]).contiguous();
        var tokenIds = ((Tensor)vars[1]).contiguous();
        var weights = ((Tensor)vars[2]).contiguous();
        var (batch, steps, units) = ((int)tokenIds.shape[0], tokenIds.shape[1], (int)table.shape[1]);
        var states = empty(steps + 1, batch, units, dtype: table.dtype);
        TanhRecurrenceKernels.Forward(Floats(table), Longs(tokenIds), Floats(weights), Floats(states), batch, units);
        ctx.save_for_backward([states, tokenIds, weights]);
        ctx.save_data(VocabularySize, table.shape[0]);
        return states[steps].clone();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
    {
        var saved = ctx.get_saved_variables();
        var (states, tokenIds, weights) = (saved[0], saved[1], saved[2]);
        var (steps, batch, units) = (states.shape[0] - 1, (int)states.shape[1], (int)states.shape[2]);
        var inputGradients = empty(steps, batch, units, dtype: states.dtype);
        TanhRecurrenceKernels.Backward(Floats(states), Floats(weights), Floats(grad.contiguous()), Floats(inputGradients), batch, units);
        var tableGradient = zeros((long)ctx.get_data(VocabularySize), units, dtype: states.dtype);
        TanhRecurrenceKernels.AddToTableRows(Floats(inputGradients), Longs(tokenIds), Floats(tableGradient), batch, units);
        var previousStates = states.narrow(0, 0, steps).reshape(-1, units);
        var weightGradient = inputGradients.reshape(-1, units).t().mm(previousStates);
        return [tableGradient, null!, weightGradient];
    }
}
