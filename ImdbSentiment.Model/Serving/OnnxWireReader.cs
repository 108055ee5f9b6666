using System.Buffers.Binary;
using System.Text;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// The parts of an ONNX model that <see cref="SimpleRnnGraph"/> recognises, read straight from protobuf's wire format
/// (field numbers from onnx.proto): Google.Protobuf's first parse costs a short command tens of milliseconds. A field
/// that could change what the graph computes but is not read here (model-local functions, training info, sparse or
/// external initializers, segments) marks the model <see cref="OnnxModelParts.Unsupported"/>; anything malformed
/// throws <see cref="InvalidDataException"/>.
/// </summary>
internal static class OnnxWireReader
{
    private const int WireVarint = 0, WireFixed64 = 1, WireLengthDelimited = 2, WireFixed32 = 5;

    public static OnnxModelParts ReadModel(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        var opsets = new List<(string, long)>();
        OnnxGraphParts? graph = null;
        var unsupported = false;
        while (reader.Next(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (7, WireLengthDelimited):
                    // Protobuf would merge a second graph into the first; this reader does not.
                    unsupported |= graph is not null;
                    graph = ReadGraph(reader.Bytes());
                    break;
                case (8, WireLengthDelimited): opsets.Add(ReadOpset(reader.Bytes())); break;
                case (20 or 25, _): unsupported = true; reader.Skip(wireType); break;
                default: reader.Skip(wireType); break;
            }
        }
        return new OnnxModelParts([.. opsets], graph, unsupported || graph is { Unsupported: true });
    }

    private static (string Domain, long Version) ReadOpset(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        var (domain, version) = ("", 0L);
        while (reader.Next(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireLengthDelimited): domain = reader.String(); break;
                case (2, WireVarint): version = (long)reader.Varint(); break;
                default: reader.Skip(wireType); break;
            }
        }
        return (domain, version);
    }

    private static OnnxGraphParts ReadGraph(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        var (nodes, initializers, inputs, outputs) = (new List<OnnxNodeParts>(), new List<OnnxTensorParts>(), new List<string>(), new List<string>());
        var unsupported = false;
        while (reader.Next(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireLengthDelimited): nodes.Add(ReadNode(reader.Bytes())); break;
                case (5, WireLengthDelimited): initializers.Add(ReadTensor(reader.Bytes())); break;
                case (11, WireLengthDelimited): inputs.Add(ReadValueName(reader.Bytes())); break;
                case (12, WireLengthDelimited): outputs.Add(ReadValueName(reader.Bytes())); break;
                case (15, _): unsupported = true; reader.Skip(wireType); break;
                default: reader.Skip(wireType); break;
            }
        }
        return new OnnxGraphParts([.. nodes], [.. initializers], [.. inputs], [.. outputs], unsupported || initializers.Any(tensor => tensor.Unsupported));
    }

    private static string ReadValueName(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        var name = "";
        while (reader.Next(out var field, out var wireType))
        {
            if (field == 1 && wireType == WireLengthDelimited)
                name = reader.String();
            else
                reader.Skip(wireType);
        }
        return name;
    }

    private static OnnxNodeParts ReadNode(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        var (inputs, outputs, attributes) = (new List<string>(), new List<string>(), new List<OnnxAttributeParts>());
        var (opType, domain) = ("", "");
        while (reader.Next(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireLengthDelimited): inputs.Add(reader.String()); break;
                case (2, WireLengthDelimited): outputs.Add(reader.String()); break;
                case (4, WireLengthDelimited): opType = reader.String(); break;
                case (5, WireLengthDelimited): attributes.Add(ReadAttribute(reader.Bytes())); break;
                case (7, WireLengthDelimited): domain = reader.String(); break;
                default: reader.Skip(wireType); break;
            }
        }
        return new OnnxNodeParts(opType, domain, [.. inputs], [.. outputs], [.. attributes]);
    }

    private static OnnxAttributeParts ReadAttribute(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        var (name, type, value) = ("", 0, 0L);
        var (ints, strings) = (new List<long>(), new List<string>());
        while (reader.Next(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireLengthDelimited): name = reader.String(); break;
                case (3, WireVarint): value = (long)reader.Varint(); break;
                case (8, _): reader.Int64s(wireType, ints); break;
                case (9, WireLengthDelimited): strings.Add(reader.String()); break;
                case (20, WireVarint): type = (int)reader.Varint(); break;
                default: reader.Skip(wireType); break;
            }
        }
        return new OnnxAttributeParts(name, type, value, [.. ints], [.. strings]);
    }

    private static OnnxTensorParts ReadTensor(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        var (name, dataType, raw) = ("", 0, Array.Empty<byte>());
        var (dims, floats, int64s) = (new List<long>(), new List<float>(), new List<long>());
        var unsupported = false;
        while (reader.Next(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, _): reader.Int64s(wireType, dims); break;
                case (2, WireVarint): dataType = (int)reader.Varint(); break;
                case (4, _): reader.Floats(wireType, floats); break;
                case (7, _): reader.Int64s(wireType, int64s); break;
                case (8, WireLengthDelimited): name = reader.String(); break;
                case (9, WireLengthDelimited): raw = reader.Bytes().ToArray(); break;
                case (3 or 5 or 6 or 10 or 11 or 13 or 14, _): unsupported = true; reader.Skip(wireType); break;
                default: reader.Skip(wireType); break;
            }
        }
        return new OnnxTensorParts(name, dataType, [.. dims], [.. floats], [.. int64s], raw, unsupported);
    }

    /// <summary>Steps through one message's fields.</summary>
    private ref struct WireReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public bool Next(out int field, out int wireType)
        {
            (field, wireType) = (0, 0);
            if (_position == _data.Length)
                return false;
            var key = Varint();
            (field, wireType) = ((int)(key >> 3), (int)(key & 7));
            return true;
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var next = Take(1)[0];
                value |= (ulong)(next & 0x7f) << shift;
                if (next < 0x80)
                    return value;
            }
            throw new InvalidDataException("a varint longer than ten bytes");
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var length = Varint();
            return length <= int.MaxValue ? Take((int)length) : throw new InvalidDataException("a field longer than 2 GiB");
        }

        public string String() => Encoding.UTF8.GetString(Bytes());

        /// <summary>A repeated int64 field's values, packed or one per key.</summary>
        public void Int64s(int wireType, List<long> values)
        {
            if (wireType == WireVarint)
            {
                values.Add((long)Varint());
                return;
            }
            var packed = new WireReader(LengthDelimitedBytes(wireType));
            while (packed._position < packed._data.Length)
                values.Add((long)packed.Varint());
        }

        /// <summary>A repeated float field's values, packed or one per key.</summary>
        public void Floats(int wireType, List<float> values)
        {
            var packed = wireType == WireFixed32 ? Take(sizeof(float)) : LengthDelimitedBytes(wireType);
            if (packed.Length % sizeof(float) != 0)
                throw new InvalidDataException("packed floats of a length that is not a multiple of four");
            for (var i = 0; i < packed.Length; i += sizeof(float))
                values.Add(BinaryPrimitives.ReadSingleLittleEndian(packed[i..]));
        }

        public void Skip(int wireType)
        {
            _ = wireType switch
            {
                WireVarint => Varint(),
                WireFixed64 => (ulong)Take(8).Length,
                WireLengthDelimited => (ulong)Bytes().Length,
                WireFixed32 => (ulong)Take(4).Length,
                _ => throw new InvalidDataException($"wire type {wireType}"),
            };
        }

        private ReadOnlySpan<byte> LengthDelimitedBytes(int wireType) =>
            wireType == WireLengthDelimited ? Bytes() : throw new InvalidDataException($"wire type {wireType} for a packed field");

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > _data.Length - _position)
                throw new InvalidDataException("a field runs past the end of its message");
            var taken = _data.Slice(_position, count);
            _position += count;
            return taken;
        }
    }
}

internal sealed record OnnxModelParts((string Domain, long Version)[] Opsets, OnnxGraphParts? Graph, bool Unsupported);

internal sealed record OnnxGraphParts(OnnxNodeParts[] Nodes, OnnxTensorParts[] Initializers, string[] Inputs, string[] Outputs, bool Unsupported);

internal sealed record OnnxNodeParts(string OpType, string Domain, string[] Inputs, string[] Outputs, OnnxAttributeParts[] Attributes);

/// <summary>An attribute's name, type (onnx.proto's AttributeType: 2 INT, 7 INTS, 8 STRINGS) and the values of those types.</summary>
internal sealed record OnnxAttributeParts(string Name, int Type, long Int, long[] Ints, string[] Strings);

/// <summary>A tensor's name, data type (1 FLOAT, 7 INT64), dims and data (typed or raw little-endian bytes).</summary>
internal sealed record OnnxTensorParts(string Name, int DataType, long[] Dims, float[] Floats, long[] Int64s, byte[] Raw, bool Unsupported);
