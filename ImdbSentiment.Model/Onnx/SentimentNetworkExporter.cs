using Onnx;
using static ImdbSentiment.Model.Onnx.OnnxGraphBuilder;

namespace ImdbSentiment.Model.Onnx;

/// <summary>
/// Exports a trained recurrent network's weights as an ONNX graph (opset 13) that ML.NET's OnnxTransformer
/// runs without TorchSharp: Gather (lookup) -> Transpose (time first) -> RNN -> Squeeze -> Gemm -> Sigmoid.
/// The time dimension is symbolic, so the graph reads sequences of any length.
/// </summary>
public static class SentimentNetworkExporter
{
    public const string InputName = ColumnNames.TokenIds;
    public const string LogitOutput = "NetworkLogit";
    public const string ProbabilityOutput = "NetworkProbability";

    public static byte[] Export(RecurrentNetworkWeights weights)
    {
        long units = weights.Units;
        long width = weights.LookupWidth;
        var bias = weights.InputBias.Concat(weights.RecurrentBias).ToArray();
        var longType = TensorProto.Types.DataType.Int64;
        var floatType = TensorProto.Types.DataType.Float;

        return new OnnxGraphBuilder("imdb_sentiment_rnn")
            .Input(InputName, longType, "batch", "time")
            .Initializer("lookup", weights.Lookup, weights.VocabularySize, width)
            .Initializer("W", weights.InputWeights, 1, units, width)
            .Initializer("R", weights.RecurrentWeights, 1, units, units)
            .Initializer("B", bias, 1, 2 * units)
            .Initializer("dense_weight", weights.DenseWeights, 1, units)
            .Initializer("dense_bias", weights.DenseBias, 1)
            .Initializer("first_axis", [0L], 1)
            .Node("Gather", ["lookup", InputName], ["embedded"], IntAttribute("axis", 0))
            .Node("Transpose", ["embedded"], ["time_first"], IntsAttribute("perm", 1, 0, 2))
            .Node("RNN", ["time_first", "W", "R", "B"], ["", "last_hidden"],
                IntAttribute("hidden_size", units), StringsAttribute("activations", "Tanh"))
            .Node("Squeeze", ["last_hidden", "first_axis"], ["hidden"])
            .Node("Gemm", ["hidden", "dense_weight", "dense_bias"], [LogitOutput], IntAttribute("transB", 1))
            .Node("Sigmoid", [LogitOutput], [ProbabilityOutput])
            .Output(LogitOutput, floatType, "batch", 1)
            .Output(ProbabilityOutput, floatType, "batch", 1)
            .ToBytes("ImdbSentiment");
    }
}
