using ImdbSentiment.Model;
using ImdbSentiment.Training.Networks;
using Onnx;

namespace ImdbSentiment.Training.Onnx;

/// <summary>
/// Exports a trained network as an ONNX graph (opset 13) that ML.NET's OnnxTransformer runs without TorchSharp. A
/// network is one or more branches, each adding the nodes that compute its logit [batch, 1] (its family's ONNX code);
/// the graph sums them and applies the sigmoid. The time and n-gram dimensions are symbolic, so the graph reads
/// reviews of any length. Its inputs and outputs are named by <see cref="NetworkGraphNames"/>.
/// </summary>
internal static class SentimentNetworkExporter
{
    private const TensorProto.Types.DataType LongType = TensorProto.Types.DataType.Int64;
    private const TensorProto.Types.DataType FloatType = TensorProto.Types.DataType.Float;

    /// <summary>The network as an ONNX model computing what its <c>forward</c> computes in eval mode.</summary>
    public static byte[] Export(SentimentNetworkBase network) =>
        Compose($"imdb_sentiment_{network.GetName().ToLowerInvariant()}", network.ReadsTokenIds, network.ReadsNgramIds, network.OnnxBranches(),
            ignoresTokenPadding: network.ReadsTokenIds && network.IgnoresTokenPadding);

    /// <summary>
    /// The graph of a network made of <paramref name="branches"/>: its inputs, each branch's logit, their sum as the
    /// logit output and its sigmoid as the probability output. A graph whose logit no token padding changes says so in
    /// its metadata (<see cref="NetworkGraphNames.IgnoresTokenPaddingMetadata"/>), so that a scorer may leave padding out.
    /// </summary>
    public static byte[] Compose(string name, bool readsTokens, bool readsNgrams, IReadOnlyList<OnnxBranch> branches, bool ignoresTokenPadding = false)
    {
        var graph = new OnnxGraphBuilder(name);
        if (ignoresTokenPadding)
            graph.Metadata(NetworkGraphNames.IgnoresTokenPaddingMetadata, "true");
        if (readsTokens)
            graph.Input(NetworkGraphNames.TokenIdsInput, LongType, "batch", "time");
        if (readsNgrams)
            graph.Input(NetworkGraphNames.NgramIdsInput, LongType, "batch", "ngrams");
        if (branches.Count == 1)
        {
            branches[0](graph, NetworkGraphNames.LogitOutput);
        }
        else
        {
            var logits = branches.Select((branch, i) => $"branch{i}_logit").ToArray();
            for (var i = 0; i < branches.Count; i++)
                branches[i](graph, logits[i]);
            graph.Node("Sum", logits, [NetworkGraphNames.LogitOutput]);
        }

        return graph
            .Node("Sigmoid", [NetworkGraphNames.LogitOutput], [NetworkGraphNames.ProbabilityOutput])
            .Output(NetworkGraphNames.LogitOutput, FloatType, "batch", 1)
            .Output(NetworkGraphNames.ProbabilityOutput, FloatType, "batch", 1)
            .ToBytes("ImdbSentiment");
    }
}
