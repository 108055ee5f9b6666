using TorchSharp.Modules;
using static ImdbSentiment.Training.TensorSpans;

namespace ImdbSentiment.Training.Fitting;

internal static class ParameterSets
{
    /// <summary>The parameters not in <paramref name="excluded"/>, compared by their native tensors (wrappers may differ).</summary>
    public static IEnumerable<Parameter> ExceptSame(this IEnumerable<Parameter> parameters, IEnumerable<Parameter> excluded)
    {
        var handles = excluded.Select(p => p.Handle).ToHashSet();
        return parameters.Where(p => !handles.Contains(p.Handle));
    }

    /// <summary>Zeroes the parameters' gradients in place, as the managed optimizers' ZeroGrad (the one-share backward adds into them).</summary>
    public static void ClearGradients(this IEnumerable<Parameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            // Each read of grad is a tensor of its own, disposed here rather than left to the finalizer.
            using var gradient = parameter.grad;
            if (gradient is not null)
                Floats(gradient).Clear();
        }
    }
}
