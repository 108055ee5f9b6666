using Onnx;
using static ImdbSentiment.Model.Onnx.OnnxGraphBuilder;

namespace ImdbSentiment.Model.Onnx;

/// <summary>
/// Exports a trained network's weights as an ONNX graph (opset 13) that ML.NET's OnnxTransformer runs without
/// TorchSharp. A network is one or more branches, each adding the nodes that compute its logit [batch, 1]; the graph
/// sums them and applies the sigmoid. The time and n-gram dimensions are symbolic, so the graph reads reviews of any
/// length; its inputs are <see cref="InputName"/> [batch, time] (int64) when a branch reads token ids and
/// <see cref="NgramInputName"/> [batch, n-grams] (int64) when one reads n-gram ids; its outputs are
/// <see cref="LogitOutput"/> and <see cref="ProbabilityOutput"/> [batch, 1].
/// </summary>
public static class SentimentNetworkExporter
{
    public const string InputName = ColumnNames.TokenIds;
    public const string NgramInputName = ColumnNames.NgramIds;
    public const string LogitOutput = "NetworkLogit";
    public const string ProbabilityOutput = "NetworkProbability";

    // ONNX's gate order, as indices into torch's: LSTM torch (i, f, g, o) -> ONNX (i, o, f, c); GRU torch (r, z, n) -> ONNX (z, r, h).
    private static readonly int[] LstmGateOrder = [0, 3, 1, 2];
    private static readonly int[] GruGateOrder = [1, 0, 2];

    private const TensorProto.Types.DataType LongType = TensorProto.Types.DataType.Int64;
    private const TensorProto.Types.DataType FloatType = TensorProto.Types.DataType.Float;

    /// <summary>One branch of a graph: adds the nodes that compute a logit [batch, 1] named by the second argument.</summary>
    internal delegate void Branch(OnnxGraphBuilder graph, string logit);

    /// <summary>The simple RNN alone, as a whole graph (see <see cref="AddSimpleRnn"/>).</summary>
    public static byte[] Export(RecurrentNetworkWeights weights) =>
        Compose("imdb_sentiment_rnn", readsTokens: true, readsNgrams: false, [(graph, logit) => AddSimpleRnn(graph, weights, logit)]);

    /// <summary>
    /// The graph of a network made of <paramref name="branches"/>: its inputs, each branch's logit, their sum as
    /// <see cref="LogitOutput"/> and its sigmoid as <see cref="ProbabilityOutput"/>.
    /// </summary>
    internal static byte[] Compose(string name, bool readsTokens, bool readsNgrams, IReadOnlyList<Branch> branches)
    {
        var graph = new OnnxGraphBuilder(name);
        if (readsTokens)
            graph.Input(InputName, LongType, "batch", "time");
        if (readsNgrams)
            graph.Input(NgramInputName, LongType, "batch", "ngrams");
        if (branches.Count == 1)
        {
            branches[0](graph, LogitOutput);
        }
        else
        {
            var logits = branches.Select((branch, i) => $"branch{i}_logit").ToArray();
            for (var i = 0; i < branches.Count; i++)
                branches[i](graph, logits[i]);
            graph.Node("Sum", logits, [LogitOutput]);
        }

        return graph
            .Node("Sigmoid", [LogitOutput], [ProbabilityOutput])
            .Output(LogitOutput, FloatType, "batch", 1)
            .Output(ProbabilityOutput, FloatType, "batch", 1)
            .ToBytes("ImdbSentiment");
    }

    /// <summary>The simple RNN: Gather (lookup) -> Transpose (time first) -> RNN -> Squeeze -> Gemm.</summary>
    internal static void AddSimpleRnn(OnnxGraphBuilder graph, RecurrentNetworkWeights weights, string logit)
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
            .Node("Gather", ["lookup", InputName], ["embedded"], IntAttribute("axis", 0))
            .Node("Transpose", ["embedded"], ["time_first"], IntsAttribute("perm", 1, 0, 2))
            .Node("RNN", ["time_first", "W", "R", "B"], ["", "last_hidden"],
                IntAttribute("hidden_size", units), StringsAttribute("activations", "Tanh"))
            .Node("Squeeze", ["last_hidden", "first_axis"], ["hidden"])
            .Node("Gemm", ["hidden", "dense_weight", "dense_bias"], [logit], IntAttribute("transB", 1));
    }

    /// <summary>The gated network alone, as a whole graph (see <see cref="AddGated"/>).</summary>
    public static byte[] Export(GatedNetworkWeights weights) =>
        Compose($"imdb_sentiment_{weights.Cell.ToString().ToLowerInvariant()}", readsTokens: true, readsNgrams: false, [(graph, logit) => AddGated(graph, weights, logit)]);

    /// <summary>
    /// The gated network: Gather (embedding) -> Transpose (time first) -> one LSTM or GRU node per layer, the outputs
    /// Y [time, directions, batch, units] of one layer reshaped to [time, batch, directions * units] for the next ->
    /// the last layer's final states Y_h (pooling Last) or its outputs' maximum over time (pooling Max), as
    /// [batch, directions * units] with the forward direction first -> Gemm. Dropout is a training-only operation and
    /// has no node.
    /// </summary>
    internal static void AddGated(OnnxGraphBuilder graph, GatedNetworkWeights weights, string logit)
    {
        long units = weights.Units;
        long directions = weights.Directions;
        long gates = weights.Gates;
        var opType = weights.Cell == GatedCell.Lstm ? "LSTM" : "GRU";
        var gateOrder = weights.Cell == GatedCell.Lstm ? LstmGateOrder : GruGateOrder;
        var lastLayer = weights.Layers.Count - 1;

        graph
            .Initializer("embedding", weights.Embedding, weights.VocabularySize, weights.EmbeddingSize)
            .Initializer("dense_weight", weights.DenseWeights, 1, directions * units)
            .Initializer("dense_bias", weights.DenseBias, 1)
            .Initializer("batch_features", [0L, -1L], 2)
            .Node("Gather", ["embedding", InputName], ["embedded"], IntAttribute("axis", 0))
            .Node("Transpose", ["embedded"], ["layer0_input"], IntsAttribute("perm", 1, 0, 2));

        if (lastLayer > 0)
            graph.Initializer("time_batch_features", [0L, 0L, -1L], 3);

        for (var layer = 0; layer <= lastLayer; layer++)
        {
            var directionWeights = weights.Layers[layer];
            if (directionWeights.Count != directions)
                throw new ArgumentException($"Layer {layer} has {directionWeights.Count} directions; expected {directions}.", nameof(weights));

            var width = weights.InputWidth(layer);
            var unitCount = weights.Units;
            // W [directions, gates * units, width], R [directions, gates * units, units], B [directions, 2 * gates * units] = (Wb, Rb).
            var inputWeights = directionWeights.SelectMany(d => Reorder(d.InputWeights, gateOrder, unitCount * width));
            var recurrentWeights = directionWeights.SelectMany(d => Reorder(d.RecurrentWeights, gateOrder, unitCount * unitCount));
            var biases = directionWeights.SelectMany(d => Reorder(d.InputBias, gateOrder, unitCount).Concat(Reorder(d.RecurrentBias, gateOrder, unitCount)));
            graph
                .Initializer($"W{layer}", inputWeights.ToArray(), directions, gates * units, width)
                .Initializer($"R{layer}", recurrentWeights.ToArray(), directions, gates * units, units)
                .Initializer($"B{layer}", biases.ToArray(), directions, 2 * gates * units);

            var needsSequence = layer < lastLayer || weights.MaxPooling;
            var needsFinalState = layer == lastLayer && !weights.MaxPooling;
            List<AttributeProto> attributes = [IntAttribute("hidden_size", units), StringAttribute("direction", weights.Bidirectional ? "bidirectional" : "forward")];
            if (weights.Cell == GatedCell.Gru)
                attributes.Add(IntAttribute("linear_before_reset", 1));
            graph.Node(opType, [$"layer{layer}_input", $"W{layer}", $"R{layer}", $"B{layer}"],
                [needsSequence ? $"layer{layer}_sequence" : "", needsFinalState ? "final_states" : ""], [.. attributes]);

            if (layer < lastLayer)
                graph
                    .Node("Transpose", [$"layer{layer}_sequence"], [$"layer{layer}_time_batch"], IntsAttribute("perm", 0, 2, 1, 3))
                    .Node("Reshape", [$"layer{layer}_time_batch", "time_batch_features"], [$"layer{layer + 1}_input"]);
        }

        // Both poolings leave [directions, batch, units]: batch first, then the directions side by side.
        if (weights.MaxPooling)
            graph.Node("ReduceMax", [$"layer{lastLayer}_sequence"], ["final_states"], IntsAttribute("axes", 0), IntAttribute("keepdims", 0));

        graph
            .Node("Transpose", ["final_states"], ["batch_first_states"], IntsAttribute("perm", 1, 0, 2))
            .Node("Reshape", ["batch_first_states", "batch_features"], ["features"])
            .Node("Gemm", ["features", "dense_weight", "dense_bias"], [logit], IntAttribute("transB", 1));
    }

    /// <summary>
    /// The n-gram bag: Gather (each n-gram id's weight, [batch, n-grams]) -> ReduceSum over the n-grams (keepdims) ->
    /// Add the bias. The padding id's weight is 0, so padding adds nothing.
    /// </summary>
    internal static void AddNgramBag(OnnxGraphBuilder graph, NgramBagWeights weights, string logit) =>
        graph
            .Initializer("ngram_weights", weights.Weights, weights.Weights.Length)
            .Initializer("ngram_bias", weights.Bias, 1)
            .Initializer("ngram_axes", [1L], 1)
            .Node("Gather", ["ngram_weights", NgramInputName], ["ngram_values"], IntAttribute("axis", 0))
            .Node("ReduceSum", ["ngram_values", "ngram_axes"], ["ngram_sum"], IntAttribute("keepdims", 1))
            .Node("Add", ["ngram_sum", "ngram_bias"], [logit]);

    /// <summary>The gate blocks (each <paramref name="blockSize"/> values, in torch's order) in ONNX's order.</summary>
    private static IEnumerable<float> Reorder(float[] values, int[] gateOrder, int blockSize)
    {
        if (values.Length != gateOrder.Length * blockSize)
            throw new ArgumentException($"Expected {gateOrder.Length} gate blocks of {blockSize} values, got {values.Length} values.", nameof(values));
        return gateOrder.SelectMany(gate => new ArraySegment<float>(values, gate * blockSize, blockSize));
    }
}
