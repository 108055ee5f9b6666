using Google.Protobuf;
using Onnx;

namespace ImdbSentiment.Training.Onnx;

/// <summary>A thin fluent layer over OnnxSharp's protobuf classes: initializers, nodes, typed inputs and outputs.</summary>
internal sealed class OnnxGraphBuilder(string name)
{
    private const int Opset = 13;
    private const long IrVersion = 7;

    private readonly GraphProto _graph = new() { Name = name };
    private readonly List<StringStringEntryProto> _metadata = [];

    public OnnxGraphBuilder Initializer(string tensorName, float[] values, params long[] dims) =>
        Initializer(tensorName, TensorProto.Types.DataType.Float, dims, tensor => tensor.FloatData.AddRange(values));

    public OnnxGraphBuilder Initializer(string tensorName, long[] values, params long[] dims) =>
        Initializer(tensorName, TensorProto.Types.DataType.Int64, dims, tensor => tensor.Int64Data.AddRange(values));

    private OnnxGraphBuilder Initializer(string tensorName, TensorProto.Types.DataType type, long[] dims, Action<TensorProto> fill)
    {
        var tensor = new TensorProto { Name = tensorName, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        fill(tensor);
        _graph.Initializer.Add(tensor);
        return this;
    }

    public OnnxGraphBuilder Node(string opType, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return this;
    }

    /// <summary>A graph input or output; a string dimension is symbolic (e.g. "batch"), a number is fixed.</summary>
    public OnnxGraphBuilder Input(string valueName, TensorProto.Types.DataType type, params object[] dims)
    {
        _graph.Input.Add(ValueInfo(valueName, type, dims));
        return this;
    }

    public OnnxGraphBuilder Output(string valueName, TensorProto.Types.DataType type, params object[] dims)
    {
        _graph.Output.Add(ValueInfo(valueName, type, dims));
        return this;
    }

    /// <summary>An entry of the model's metadata_props, which onnxruntime gives a reader as its custom metadata.</summary>
    public OnnxGraphBuilder Metadata(string key, string value)
    {
        _metadata.Add(new StringStringEntryProto { Key = key, Value = value });
        return this;
    }

    public byte[] ToBytes(string producer)
    {
        var model = new ModelProto { IrVersion = IrVersion, ProducerName = producer, Graph = _graph };
        model.MetadataProps.AddRange(_metadata);
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return model.ToByteArray();
    }

    public static AttributeProto IntAttribute(string attributeName, long value) =>
        new() { Name = attributeName, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A Cast node's target type.</summary>
    public static AttributeProto CastTo(TensorProto.Types.DataType type) => IntAttribute("to", (long)type);

    public static AttributeProto IntsAttribute(string attributeName, params long[] values)
    {
        var attribute = new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto StringAttribute(string attributeName, string value) =>
        new() { Name = attributeName, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto StringsAttribute(string attributeName, params string[] values)
    {
        var attribute = new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Strings };
        attribute.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return attribute;
    }

    private static ValueInfoProto ValueInfo(string valueName, TensorProto.Types.DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim) });
        return new ValueInfoProto
        {
            Name = valueName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}

/// <summary>One branch of a network's graph: adds the nodes that compute a logit [batch, 1] named by the second argument.</summary>
internal delegate void OnnxBranch(OnnxGraphBuilder graph, string logit);
