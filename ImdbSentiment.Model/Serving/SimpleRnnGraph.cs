using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    private const int FloatType = 1, Int64Type = 7, IntAttribute = 2, IntsAttribute = 7, StringsAttribute = 8;

    /// <summary>The graph's weights, or null when <paramref name="onnx"/> is not that graph.</summary>
    public static SimpleRnnGraph? TryRead(byte[] onnx)
    {
        OnnxModelParts model;
        try
        {
            model = OnnxWireReader.ReadModel(onnx);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        return !model.Unsupported && model.Opsets is [("", Opset)] && model.Graph is { } graph ? TryRead(graph) : null;
    }

    private static SimpleRnnGraph? TryRead(OnnxGraphParts graph)
    {
        if (graph.Inputs is not [NetworkGraphNames.TokenIdsInput] || graph.Nodes.Length != 6 || graph.Nodes.Any(node => node.Domain != "")
            || !graph.Outputs.Order(StringComparer.Ordinal).SequenceEqual(new[] { NetworkGraphNames.LogitOutput, NetworkGraphNames.ProbabilityOutput }.Order(StringComparer.Ordinal)))
            return null;
        var initializers = graph.Initializers.DistinctBy(tensor => tensor.Name, StringComparer.Ordinal).ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);
        if (initializers.Count != graph.Initializers.Length)
            return null;

        var (gather, transpose, rnn, squeeze, gemm, sigmoid) = (graph.Nodes[0], graph.Nodes[1], graph.Nodes[2], graph.Nodes[3], graph.Nodes[4], graph.Nodes[5]);
        if (!Is(gather, "Gather", 2, 1) || gather.Inputs[1] != NetworkGraphNames.TokenIdsInput || !HasOnly(gather, "axis", 0)
            || !Is(transpose, "Transpose", 1, 1) || transpose.Inputs[0] != gather.Outputs[0] || !HasOnlyPermutation(transpose, 1, 0, 2)
            || !Is(rnn, "RNN", 4, 2) || rnn.Inputs[0] != transpose.Outputs[0] || rnn.Outputs[0] != "" || !IsForwardTanh(rnn, out var units)
            || !Is(squeeze, "Squeeze", 2, 1) || squeeze.Inputs[0] != rnn.Outputs[1] || squeeze.Attributes.Length != 0
            || !Is(gemm, "Gemm", 3, 1) || gemm.Inputs[0] != squeeze.Outputs[0] || gemm.Outputs[0] != NetworkGraphNames.LogitOutput || !HasOnly(gemm, "transB", 1)
            || !Is(sigmoid, "Sigmoid", 1, 1) || sigmoid.Inputs[0] != NetworkGraphNames.LogitOutput || sigmoid.Outputs[0] != NetworkGraphNames.ProbabilityOutput
            || sigmoid.Attributes.Length != 0)
            return null;
        // Every other input is an initializer; no node output and no graph input may shadow one.
        string[] weights = [gather.Inputs[0], rnn.Inputs[1], rnn.Inputs[2], rnn.Inputs[3], squeeze.Inputs[1], gemm.Inputs[1], gemm.Inputs[2]];
        if (weights.Any(name => !initializers.ContainsKey(name)) || graph.Nodes.SelectMany(node => node.Outputs).Append(NetworkGraphNames.TokenIdsInput).Any(initializers.ContainsKey))
            return null;
        if (Int64s(initializers[squeeze.Inputs[1]], 1) is not [0])
            return null;

        var lookupTensor = initializers[gather.Inputs[0]];
        if (lookupTensor.Dims is not [> 0 and <= int.MaxValue, > 0 and <= MaximumWidth])
            return null;
        int vocabulary = (int)lookupTensor.Dims[0], width = (int)lookupTensor.Dims[1];
        var lookup = Floats(lookupTensor, vocabulary, width);
        var input = Floats(initializers[rnn.Inputs[1]], 1, units, width);
        var recurrent = Floats(initializers[rnn.Inputs[2]], 1, units, units);
        var bias = Floats(initializers[rnn.Inputs[3]], 1, 2 * units);
        var dense = Floats(initializers[gemm.Inputs[1]], 1, units);
        var denseBias = Floats(initializers[gemm.Inputs[2]], 1);
        return lookup is null || input is null || recurrent is null || bias is null || dense is null || denseBias is null
            ? null
            : new SimpleRnnGraph(vocabulary, width, units, lookup, input, recurrent, bias, dense, denseBias[0]);
    }

    private static bool Is(OnnxNodeParts node, string opType, int inputs, int outputs) =>
        node.OpType == opType && node.Inputs.Length == inputs && node.Outputs.Length == outputs;

    private static bool HasOnly(OnnxNodeParts node, string name, long value) =>
        node.Attributes is [{ Type: IntAttribute } only] && only.Name == name && only.Int == value;

    private static bool HasOnlyPermutation(OnnxNodeParts node, params long[] permutation) =>
        node.Attributes is [{ Name: "perm", Type: IntsAttribute } only] && only.Ints.SequenceEqual(permutation);

    /// <summary>An RNN node with a hidden size and one Tanh activation and nothing else: forward, no clip, default alphas.</summary>
    private static bool IsForwardTanh(OnnxNodeParts rnn, out int units)
    {
        units = 0;
        if (rnn.Attributes.Length != 2
            || rnn.Attributes.FirstOrDefault(attribute => attribute is { Name: "hidden_size", Type: IntAttribute }) is not { Int: > 0 and <= MaximumWidth } hiddenSize
            || rnn.Attributes.FirstOrDefault(attribute => attribute is { Name: "activations", Type: StringsAttribute }) is not { Strings: ["Tanh"] })
            return false;
        units = (int)hiddenSize.Int;
        return true;
    }

    private static float[]? Floats(OnnxTensorParts tensor, params long[] dims) =>
        tensor.Int64s.Length == 0 ? Values(tensor, FloatType, tensor.Floats, dims) : null;

    private static long[]? Int64s(OnnxTensorParts tensor, params long[] dims) =>
        tensor.Floats.Length == 0 ? Values(tensor, Int64Type, tensor.Int64s, dims) : null;

    /// <summary>The tensor's values when it has the type and dims, given as typed values or as raw little-endian bytes.</summary>
    private static T[]? Values<T>(OnnxTensorParts tensor, int dataType, T[] typed, long[] dims) where T : unmanaged
    {
        if (tensor.DataType != dataType || !tensor.Dims.SequenceEqual(dims))
            return null;
        var count = dims.Aggregate(1L, (product, dim) => product * dim);
        if (typed.Length == count && tensor.Raw.Length == 0)
            return typed;
        if (typed.Length == 0 && tensor.Raw.Length == count * Unsafe.SizeOf<T>() && BitConverter.IsLittleEndian)
            return MemoryMarshal.Cast<byte, T>(tensor.Raw).ToArray();
        return null;
    }
}
