using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A tanh RNN over pre-projected inputs as one autograd node: h_t = tanh(x_t + h_{t-1} W^T), h_0 = 0, returning h_T.
/// Autograd over a per-step loop records several small operations a step; this node runs two a step forward and two
/// backward and folds the recurrent-weight gradient into a single matrix product, which halves an epoch's time for
/// the recipe's 8-unit network. Inputs: x [time, batch, units] and W [units, units] (torch's layout).
/// </summary>
internal sealed class TanhRecurrence : autograd.SingleTensorFunction<TanhRecurrence>
{
    public override string Name => nameof(TanhRecurrence);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var inputs = (Tensor)vars[0];
        var weights = (Tensor)vars[1];
        var steps = inputs.unbind(0);
        var transposed = weights.t();
        var states = new Tensor[steps.Length + 1];
        states[0] = zeros(inputs.shape[1], inputs.shape[2], dtype: inputs.dtype);
        for (var t = 0; t < steps.Length; t++)
            states[t + 1] = addmm(steps[t], states[t], transposed, 1, 1).tanh_();

        var all = stack(states);
        ctx.save_for_backward([all, weights]);
        return states[^1];
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
    {
        var saved = ctx.get_saved_variables();
        var all = saved[0];
        var weights = saved[1];
        var stepCount = all.shape[0] - 1;
        var units = all.shape[2];
        var derivatives = all.narrow(0, 1, stepCount).square().neg_().add_(1).unbind(0);

        var gradientsPerStep = new Tensor[stepCount];
        var hiddenGradient = grad.clone();
        for (var t = (int)stepCount - 1; t >= 0; t--)
        {
            gradientsPerStep[t] = hiddenGradient.mul_(derivatives[t]);
            hiddenGradient = gradientsPerStep[t].mm(weights);
        }

        var inputGradients = stack(gradientsPerStep);
        var previousStates = all.narrow(0, 0, stepCount).reshape(-1, units);
        var weightGradients = inputGradients.reshape(-1, units).t().mm(previousStates);
        return [inputGradients, weightGradients];
    }
}
