using ImdbSentiment.Model;
using ImdbSentiment.Training.Onnx;
using static ImdbSentiment.Training.Onnx.OnnxGraphBuilder;

namespace ImdbSentiment.Training.Networks;

/// <summary>The n-gram bag's ONNX branch.</summary>
internal static class NgramBagOnnx
{
    /// <summary>
    /// The n-gram bag: Gather (each n-gram id's weight, [batch, n-grams]) -> ReduceSum over the n-grams (keepdims) ->
    /// Add the bias. The padding id's weight is 0, so padding adds nothing.
    /// </summary>
    public static void Add(OnnxGraphBuilder graph, NgramBagWeights weights, string logit) =>
        graph
            .Initializer("ngram_weights", weights.Weights, weights.Weights.Length)
            .Initializer("ngram_bias", weights.Bias, 1)
            .Initializer("ngram_axes", [1L], 1)
            .Node("Gather", ["ngram_weights", NetworkGraphNames.NgramIdsInput], ["ngram_values"], IntAttribute("axis", 0))
            .Node("ReduceSum", ["ngram_values", "ngram_axes"], ["ngram_sum"], IntAttribute("keepdims", 1))
            .Node("Add", ["ngram_sum", "ngram_bias"], [logit]);
}
