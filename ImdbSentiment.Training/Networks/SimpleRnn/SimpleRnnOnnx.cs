using ImdbSentiment.Model;
using ImdbSentiment.Training.Onnx;
using static ImdbSentiment.Training.Onnx.OnnxGraphBuilder;

namespace ImdbSentiment.Training.Networks;

/// <summary>The simple RNN's ONNX branch.</summary>
internal static class SimpleRnnOnnx
{
    /// <summary>The simple RNN: Gather (lookup) -> Transpose (time first) -> RNN -> Squeeze -> Gemm.</summary>
    public static void Add(OnnxGraphBuilder graph, SimpleRnnWeights weights, string logit)
    {
        long units = weights.Units;
        long width = weights.LookupWidth;
        var bias = weights.InputBias.Concat(weights.RecurrentBias).ToArray();

        graph
            .Initializer("lookup", weights.Lookup, weights.VocabularySize, width)
            .Initializer("W", weights.InputWeights, 1, units, width)
            .Initializer("R", weights.RecurrentWeights, 1, units, units)
            .Initializer("B", bias, 1, 2 * units)
            .Initializer("dense_weight", weights.DenseWeights, 1, units)
            .Initializer("dense_bias", weights.DenseBias, 1)
            .Initializer("first_axis", [0L], 1)
            .Node("Gather", ["lookup", NetworkGraphNames.TokenIdsInput], ["embedded"], IntAttribute("axis", 0))
            .Node("Transpose", ["embedded"], ["time_first"], IntsAttribute("perm", 1, 0, 2))
            .Node("RNN", ["time_first", "W", "R", "B"], ["", "last_hidden"],
                IntAttribute("hidden_size", units), StringsAttribute("activations", "Tanh"))
            .Node("Squeeze", ["last_hidden", "first_axis"], ["hidden"])
            .Node("Gemm", ["hidden", "dense_weight", "dense_bias"], [logit], IntAttribute("transB", 1));
    }
}
