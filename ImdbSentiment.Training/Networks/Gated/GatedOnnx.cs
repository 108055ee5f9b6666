using ImdbSentiment.Model;
using ImdbSentiment.Training.Onnx;
using Onnx;
using static ImdbSentiment.Training.Onnx.OnnxGraphBuilder;

namespace ImdbSentiment.Training.Networks;

/// <summary>The gated networks' ONNX branch.</summary>
internal static class GatedOnnx
{
    // ONNX's gate order, as indices into torch's: LSTM torch (i, f, g, o) -> ONNX (i, o, f, c); GRU torch (r, z, n) -> ONNX (z, r, h).
    private static readonly int[] LstmGateOrder = [0, 3, 1, 2];
    private static readonly int[] GruGateOrder = [1, 0, 2];

    /// <summary>
    /// The gated network: for a masked one (<see cref="GatedNetworkWeights.MasksPadding"/>) first the real tokens moved
    /// to each row's start with their lengths (<see cref="RealTokensOnnx"/>), given to every LSTM/GRU node as sequence_lens
    /// and masking the max pooling; then Gather (embedding) -> Transpose (time first) -> one LSTM or GRU node per layer, the outputs
    /// Y [time, directions, batch, units] of one layer reshaped to [time, batch, directions * units] for the next ->
    /// the last layer's final states Y_h (pooling Last), its outputs' maximum over time (pooling Max) or that maximum
    /// and their mean concatenated (pooling MaxMean), each as [batch, directions * units] with the forward direction
    /// first -> Gemm. Dropout is a training-only operation and
    /// has no node.
    /// </summary>
    public static void Add(OnnxGraphBuilder graph, GatedNetworkWeights weights, string logit)
    {
        long units = weights.Units;
        long directions = weights.Directions;
        long gates = weights.Gates;
        var opType = weights.Cell == GatedCell.Lstm ? "LSTM" : "GRU";
        var gateOrder = weights.Cell == GatedCell.Lstm ? LstmGateOrder : GruGateOrder;
        var lastLayer = weights.Layers.Count - 1;

        if (weights.MasksPadding)
            RealTokensOnnx.Add(graph);
        graph
            .Initializer("embedding", weights.Embedding, weights.VocabularySize, weights.EmbeddingSize)
            .Initializer("dense_weight", weights.DenseWeights, 1, weights.Pooling.Features(weights.Directions * weights.Units))
            .Initializer("dense_bias", weights.DenseBias, 1)
            .Initializer("batch_features", [0L, -1L], 2)
            .Node("Gather", ["embedding", weights.MasksPadding ? RealTokensOnnx.AlignedIds : NetworkGraphNames.TokenIdsInput], ["embedded"], IntAttribute("axis", 0))
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

            var needsSequence = layer < lastLayer || weights.Pooling.ReadsEveryPosition();
            var needsFinalState = layer == lastLayer && !weights.Pooling.ReadsEveryPosition();
            List<AttributeProto> attributes = [IntAttribute("hidden_size", units), StringAttribute("direction", weights.Bidirectional ? "bidirectional" : "forward")];
            if (weights.Cell == GatedCell.Gru)
                attributes.Add(IntAttribute("linear_before_reset", 1));
            string[] inputs = [$"layer{layer}_input", $"W{layer}", $"R{layer}", $"B{layer}", .. weights.MasksPadding ? [RealTokensOnnx.SequenceLengths] : Array.Empty<string>()];
            graph.Node(opType, inputs,
                [needsSequence ? $"layer{layer}_sequence" : "", needsFinalState ? "final_states" : ""], [.. attributes]);

            if (layer < lastLayer)
                graph
                    .Node("Transpose", [$"layer{layer}_sequence"], [$"layer{layer}_time_batch"], IntsAttribute("perm", 0, 2, 1, 3))
                    .Node("Reshape", [$"layer{layer}_time_batch", "time_batch_features"], [$"layer{layer + 1}_input"]);
        }

        var features = weights.Pooling switch
        {
            RecurrentPooling.Last => BatchFirst(graph, "final_states", "features"),
            RecurrentPooling.Max => BatchFirst(graph, MaxOverTime(graph, $"layer{lastLayer}_sequence", weights.MasksPadding), "features"),
            _ => Concatenated(graph,
                BatchFirst(graph, MaxOverTime(graph, $"layer{lastLayer}_sequence", weights.MasksPadding), "max_features"),
                BatchFirst(graph, MeanOverTime(graph, $"layer{lastLayer}_sequence", weights.MasksPadding), "mean_features")),
        };
        graph.Node("Gemm", [features, "dense_weight", "dense_bias"], [logit], IntAttribute("transB", 1));
    }

    /// <summary>
    /// Y [time, directions, batch, units] -> the maximum over each row's real positions, [directions, batch, units]. Y
    /// is 0 past a row's length; -inf there keeps those positions out of the maximum, as the masked network's padding.
    /// </summary>
    private static string MaxOverTime(OnnxGraphBuilder graph, string sequence, bool masksPadding)
    {
        if (masksPadding)
        {
            graph
                .Initializer("minus_infinity", [float.NegativeInfinity])
                .Node("Where", [RealTokensOnnx.OutputMask, sequence, "minus_infinity"], ["max_masked_sequence"]);
            sequence = "max_masked_sequence";
        }

        graph.Node("ReduceMax", [sequence], ["maxima"], IntsAttribute("axes", 0), IntAttribute("keepdims", 0));
        return "maxima";
    }

    /// <summary>
    /// Y [time, directions, batch, units] -> the mean over each row's real positions, [directions, batch, units]: the
    /// sum of the masked outputs over the row's length (<see cref="RealTokensOnnx.Lengths"/>, [batch, 1] as [1, batch, 1]).
    /// </summary>
    private static string MeanOverTime(OnnxGraphBuilder graph, string sequence, bool masksPadding)
    {
        if (!masksPadding)
        {
            graph.Node("ReduceMean", [sequence], ["means"], IntsAttribute("axes", 0), IntAttribute("keepdims", 0));
            return "means";
        }

        graph
            .Initializer("float_zero", [0f])
            .Initializer("first_axis", [0L], 1)
            .Node("Where", [RealTokensOnnx.OutputMask, sequence, "float_zero"], ["mean_masked_sequence"])
            .Node("ReduceSum", ["mean_masked_sequence", "first_axis"], ["sums"], IntAttribute("keepdims", 0))
            .Node("Cast", [RealTokensOnnx.Lengths], ["float_lengths"], CastTo(TensorProto.Types.DataType.Float))
            .Node("Unsqueeze", ["float_lengths", "first_axis"], ["length_per_batch_row"])
            .Node("Div", ["sums", "length_per_batch_row"], ["means"]);
        return "means";
    }

    /// <summary>[directions, batch, units] -> [batch, directions * units], the forward direction first.</summary>
    private static string BatchFirst(OnnxGraphBuilder graph, string states, string output)
    {
        graph
            .Node("Transpose", [states], [$"batch_first_{states}"], IntsAttribute("perm", 1, 0, 2))
            .Node("Reshape", [$"batch_first_{states}", "batch_features"], [output]);
        return output;
    }

    private static string Concatenated(OnnxGraphBuilder graph, string first, string second)
    {
        graph.Node("Concat", [first, second], ["features"], IntAttribute("axis", 1));
        return "features";
    }

    /// <summary>The gate blocks (each <paramref name="blockSize"/> values, in torch's order) in ONNX's order.</summary>
    private static IEnumerable<float> Reorder(float[] values, int[] gateOrder, int blockSize)
    {
        if (values.Length != gateOrder.Length * blockSize)
            throw new ArgumentException($"Expected {gateOrder.Length} gate blocks of {blockSize} values, got {values.Length} values.", nameof(values));
        return gateOrder.SelectMany(gate => new ArraySegment<float>(values, gate * blockSize, blockSize));
    }
}
