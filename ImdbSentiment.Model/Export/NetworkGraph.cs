using System.IO.Compression;
using Google.Protobuf;
using Onnx;

namespace ImdbSentiment.Model.Export;

/// <summary>
/// The network inside a model zip, as the ONNX bytes ML.NET's OnnxTransformer stored (its OnnxModel entry: a 4-byte
/// little-endian length, then the model). That graph already takes ids and gives the probability, so it is exported
/// as it is; its inputs say which of the featurizer's id columns it reads.
/// </summary>
internal sealed record NetworkGraph(byte[] Bytes, IReadOnlyList<string> Inputs)
{
    public const string EntryName = "OnnxModel";

    public bool ReadsTokenIds => Inputs.Contains(NetworkGraphNames.TokenIdsInput);

    public bool ReadsNgramIds => Inputs.Contains(NetworkGraphNames.NgramIdsInput);

    public static NetworkGraph Read(string modelPath)
    {
        using var zip = ZipFile.OpenRead(modelPath);
        var entries = zip.Entries.Where(entry => entry.Name == EntryName).ToArray();
        if (entries.Length != 1)
            throw Unreadable(modelPath, $"expected one {EntryName} entry, found {entries.Length}");
        return Read(entries[0], modelPath);
    }

    /// <summary>The ONNX bytes of one OnnxModel entry of the zip at <paramref name="modelPath"/>, unparsed.</summary>
    public static byte[] ReadBytes(ZipArchiveEntry entry, string modelPath)
    {
        using var reader = new BinaryReader(entry.Open());
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        return length >= 0 && bytes.Length == length ? bytes : throw Unreadable(modelPath, $"its {EntryName} entry is truncated");
    }

    private static NetworkGraph Read(ZipArchiveEntry entry, string modelPath)
    {
        var bytes = ReadBytes(entry, modelPath);
        ModelProto graph;
        try
        {
            graph = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw Unreadable(modelPath, $"its {EntryName} entry is not an ONNX model ({exception.Message})");
        }

        var inputs = graph.Graph.Input.Select(input => input.Name).ToArray();
        var known = new[] { NetworkGraphNames.TokenIdsInput, NetworkGraphNames.NgramIdsInput };
        if (inputs.Length == 0 || inputs.Any(input => !known.Contains(input)))
            throw Unreadable(modelPath, $"its network reads {string.Join(", ", inputs)}; expected {string.Join(" and/or ", known)}");
        if (!graph.Graph.Output.Any(output => output.Name == NetworkGraphNames.ProbabilityOutput))
            throw Unreadable(modelPath, $"its network has no {NetworkGraphNames.ProbabilityOutput} output");
        return new NetworkGraph(bytes, inputs);
    }

    private static UnreadableModelException Unreadable(string modelPath, string why) =>
        new($"{modelPath}: cannot export this model's network: {why}.", modelPath);
}
