using ImdbSentiment.Model;
using ImdbSentiment.Training.Onnx;
using static ImdbSentiment.Training.Onnx.OnnxGraphBuilder;

namespace ImdbSentiment.Training.Networks;

/// <summary>The CNN's ONNX branch: Gather -> Transpose (channels first) -> Conv -> Relu -> ReduceMax over time -> Gemm.</summary>
internal static class CnnOnnx
{
    public static void Add(OnnxGraphBuilder graph, CnnWeights weights, string logit) =>
        graph
            .Initializer("cnn_embedding", weights.Embedding, weights.VocabularySize, weights.EmbeddingSize)
            .Initializer("cnn_kernel", weights.Kernel, weights.Filters, weights.EmbeddingSize, CnnNetwork.KernelWidth)
            .Initializer("cnn_kernel_bias", weights.KernelBias, weights.Filters)
            .Initializer("cnn_dense_weight", weights.DenseWeights, 1, weights.Filters)
            .Initializer("cnn_dense_bias", weights.DenseBias, 1)
            .Node("Gather", ["cnn_embedding", NetworkGraphNames.TokenIdsInput], ["cnn_embedded"], IntAttribute("axis", 0))
            .Node("Transpose", ["cnn_embedded"], ["cnn_channels_first"], IntsAttribute("perm", 0, 2, 1))
            .Node("Conv", ["cnn_channels_first", "cnn_kernel", "cnn_kernel_bias"], ["cnn_convolved"], IntsAttribute("kernel_shape", CnnNetwork.KernelWidth))
            .Node("Relu", ["cnn_convolved"], ["cnn_activated"])
            .Node("ReduceMax", ["cnn_activated"], ["cnn_features"], IntsAttribute("axes", 2), IntAttribute("keepdims", 0))
            .Node("Gemm", ["cnn_features", "cnn_dense_weight", "cnn_dense_bias"], [logit], IntAttribute("transB", 1));
}
