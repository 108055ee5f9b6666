using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// The weights of a network graph that is exactly the simple RNN the trainer exports (embedding-rnn and onehot-rnn):
/// Gather (lookup) -> Transpose (time first) -> RNN (forward, tanh, no clip, no sequence lengths, no initial state)
/// -> Squeeze -> Gemm (transB) -> Sigmoid, reading token ids and giving the logit and the probability. Any other
/// graph, however close, is not recognised, and keeps onnxruntime.
/// </summary>
internal sealed record SimpleRnnGraph(
    int VocabularySize, int InputWidth, int Units,
    float[] Lookup, float[] InputWeights, float[] RecurrentWeights, float[] Bias, float[] DenseWeights, float DenseBias)
{
    /// <summary>
    /// Widths up to this keep each of onnxruntime's matrix products in one pass over K (MLAS's smallest K stride is
    /// 128), the only case <see cref="SimpleRnnEvaluator"/> reproduces.
    /// </summary>
    public const int MaximumWidth = 128;

    private const long Opset = 13;

    /// <summary>The graph's weights, or null when <paramref name="onnx"/> is not that graph.</summary>
    public static SimpleRnnGraph? TryRead(byte[] onnx)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(onnx);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
        return model.OpsetImport.Count == 1 && model.OpsetImport[0] is { Domain: "", Version: Opset } && model.Graph is { } graph
            ? TryRead(graph)
            : null;
    }

    private static SimpleRnnGraph? TryRead(GraphProto graph)
    {
        if (graph.Input.Count != 1 || graph.Input[0].Name != NetworkGraphNames.TokenIdsInput
            || graph.Output.Count != 2 || graph.Node.Count != 6 || graph.Node.Any(node => node.Domain != ""))
            return null;
        var outputs = graph.Output.Select(output => output.Name).Order(StringComparer.Ordinal);
        if (!outputs.SequenceEqual(new[] { NetworkGraphNames.LogitOutput, NetworkGraphNames.ProbabilityOutput }.Order(StringComparer.Ordinal)))
            return null;
        var initializers = graph.Initializer.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);
        if (initializers.Count != graph.Initializer.Count)
            return null;

        var (gather, transpose, rnn, squeeze, gemm, sigmoid) = (graph.Node[0], graph.Node[1], graph.Node[2], graph.Node[3], graph.Node[4], graph.Node[5]);
        if (!Is(gather, "Gather", 2, 1) || gather.Input[1] != NetworkGraphNames.TokenIdsInput || !HasOnly(gather, ("axis", 0))
            || !Is(transpose, "Transpose", 1, 1) || transpose.Input[0] != gather.Output[0] || !HasOnlyPermutation(transpose, 1, 0, 2)
            || !Is(rnn, "RNN", 4, 2) || rnn.Input[0] != transpose.Output[0] || rnn.Output[0] != "" || !IsForwardTanh(rnn, out var units)
            || !Is(squeeze, "Squeeze", 2, 1) || squeeze.Input[0] != rnn.Output[1] || squeeze.Attribute.Count != 0
            || !Is(gemm, "Gemm", 3, 1) || gemm.Input[0] != squeeze.Output[0] || gemm.Output[0] != NetworkGraphNames.LogitOutput || !HasOnly(gemm, ("transB", 1))
            || !Is(sigmoid, "Sigmoid", 1, 1) || sigmoid.Input[0] != NetworkGraphNames.LogitOutput || sigmoid.Output[0] != NetworkGraphNames.ProbabilityOutput
            || sigmoid.Attribute.Count != 0)
            return null;
        // Every other input is an initializer; no node output may shadow one.
        string[] weights = [gather.Input[0], rnn.Input[1], rnn.Input[2], rnn.Input[3], squeeze.Input[1], gemm.Input[1], gemm.Input[2]];
        if (weights.Any(name => !initializers.ContainsKey(name)) || graph.Node.SelectMany(node => node.Output).Any(initializers.ContainsKey))
            return null;
        if (Int64s(initializers[squeeze.Input[1]], 1) is not [0])
            return null;

        var lookupTensor = initializers[gather.Input[0]];
        if (lookupTensor.Dims.Count != 2 || lookupTensor.Dims[0] is <= 0 or > int.MaxValue || lookupTensor.Dims[1] is <= 0 or > MaximumWidth
            || units > MaximumWidth)
            return null;
        int vocabulary = (int)lookupTensor.Dims[0], width = (int)lookupTensor.Dims[1];
        var lookup = Floats(lookupTensor, vocabulary, width);
        var input = Floats(initializers[rnn.Input[1]], 1, units, width);
        var recurrent = Floats(initializers[rnn.Input[2]], 1, units, units);
        var bias = Floats(initializers[rnn.Input[3]], 1, 2 * units);
        var dense = Floats(initializers[gemm.Input[1]], 1, units);
        var denseBias = Floats(initializers[gemm.Input[2]], 1);
        return lookup is null || input is null || recurrent is null || bias is null || dense is null || denseBias is null
            ? null
            : new SimpleRnnGraph(vocabulary, width, units, lookup, input, recurrent, bias, dense, denseBias[0]);
    }

    private static bool Is(NodeProto node, string opType, int inputs, int outputs) =>
        node.OpType == opType && node.Input.Count == inputs && node.Output.Count == outputs;

    private static bool HasOnly(NodeProto node, (string Name, long Value) attribute) =>
        node.Attribute.Count == 1 && node.Attribute[0] is { Type: AttributeProto.Types.AttributeType.Int } only
        && only.Name == attribute.Name && only.I == attribute.Value;

    private static bool HasOnlyPermutation(NodeProto node, params long[] permutation) =>
        node.Attribute.Count == 1 && node.Attribute[0] is { Name: "perm", Type: AttributeProto.Types.AttributeType.Ints } only
        && only.Ints.SequenceEqual(permutation);

    /// <summary>An RNN node with a hidden size and one Tanh activation and nothing else: forward, no clip, default alphas.</summary>
    private static bool IsForwardTanh(NodeProto rnn, out int units)
    {
        units = 0;
        if (rnn.Attribute.Count != 2)
            return false;
        var hiddenSize = rnn.Attribute.FirstOrDefault(attribute => attribute is { Name: "hidden_size", Type: AttributeProto.Types.AttributeType.Int });
        var activations = rnn.Attribute.FirstOrDefault(attribute => attribute is { Name: "activations", Type: AttributeProto.Types.AttributeType.Strings });
        if (hiddenSize is not { I: > 0 and <= MaximumWidth } || activations is null || activations.Strings.Count != 1
            || activations.Strings[0].ToStringUtf8() != "Tanh")
            return false;
        units = (int)hiddenSize.I;
        return true;
    }

    private static float[]? Floats(TensorProto tensor, params long[] dims)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float || !tensor.Dims.SequenceEqual(dims) || tensor.ExternalData.Count != 0)
            return null;
        var count = dims.Aggregate(1L, (product, dim) => product * dim);
        if (tensor.FloatData.Count == count && tensor.RawData.IsEmpty)
            return [.. tensor.FloatData];
        if (tensor.FloatData.Count == 0 && tensor.RawData.Length == count * sizeof(float) && BitConverter.IsLittleEndian)
            return MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
        return null;
    }

    private static long[]? Int64s(TensorProto tensor, params long[] dims)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Int64 || !tensor.Dims.SequenceEqual(dims) || tensor.ExternalData.Count != 0)
            return null;
        var count = dims.Aggregate(1L, (product, dim) => product * dim);
        if (tensor.Int64Data.Count == count && tensor.RawData.IsEmpty)
            return [.. tensor.Int64Data];
        if (tensor.Int64Data.Count == 0 && tensor.RawData.Length == count * sizeof(long) && BitConverter.IsLittleEndian)
            return MemoryMarshal.Cast<byte, long>(tensor.RawData.Span).ToArray();
        return null;
    }
}
