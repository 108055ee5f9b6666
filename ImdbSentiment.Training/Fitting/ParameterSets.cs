using TorchSharp.Modules;

namespace ImdbSentiment.Training.Fitting;

internal static class ParameterSets
{
    /// <summary>The parameters not in <paramref name="excluded"/>, compared by their native tensors (wrappers may differ).</summary>
    public static IEnumerable<Parameter> ExceptSame(this IEnumerable<Parameter> parameters, IEnumerable<Parameter> excluded)
    {
        var handles = excluded.Select(p => p.Handle).ToHashSet();
        return parameters.Where(p => !handles.Contains(p.Handle));
    }
}
