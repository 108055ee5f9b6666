using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A tanh RNN over pre-projected inputs as one autograd node: h_t = tanh(x_t + h_{t-1} W^T), h_0 = 0, returning h_T.
/// Inputs: x [time, batch, units] and W [units, units] (torch's layout), float32 on the CPU. For the recipe's 8 units a
/// step is a few hundred multiply-adds, far less than the dispatch of one libtorch call, so the node computes the
/// steps forward and backward through time in managed code (<see cref="TanhRecurrenceKernels"/>) over the tensors'
/// memory; the recurrent weights' gradient, summed over all steps, stays one matrix product.
/// </summary>
internal sealed class TanhRecurrence : autograd.SingleTensorFunction<TanhRecurrence>
{
    public override string Name => nameof(TanhRecurrence);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var inputs = ((Tensor)vars[0]).contiguous();
        var weights = ((Tensor)vars[1]).contiguous();
        var (steps, batch, units) = (inputs.shape[0], (int)inputs.shape[1], (int)inputs.shape[2]);
        var states = empty(steps + 1, batch, units, dtype: inputs.dtype);
        TanhRecurrenceKernels.Forward(Floats(inputs), Floats(weights), Floats(states), batch, units);
        ctx.save_for_backward([states, weights]);
        return states[steps].clone();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
    {
        var saved = ctx.get_saved_variables();
        var states = saved[0];
        var weights = saved[1];
        var (steps, batch, units) = (states.shape[0] - 1, (int)states.shape[1], (int)states.shape[2]);
        var inputGradients = empty(steps, batch, units, dtype: states.dtype);
        TanhRecurrenceKernels.Backward(Floats(states), Floats(weights), Floats(grad.contiguous()), Floats(inputGradients), batch, units);
        var previousStates = states.narrow(0, 0, steps).reshape(-1, units);
        var weightGradient = inputGradients.reshape(-1, units).t().mm(previousStates);
        return [inputGradients, weightGradient];
    }
}
