using System.IO.Compression;
using Google.Protobuf;
using Onnx;

namespace ImdbSentiment.Model.ModelFormat;

/// <summary>
/// The network of a zip ML.NET has just saved, as the ONNX bytes its OnnxTransformer stored (its OnnxModel entry: a
/// 4-byte little-endian length, then the model), read once when the model is saved to copy it into the model spec's
/// folder. That graph already takes ids and gives the probability; its inputs say which of the featurizer's id
/// columns it reads.
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

    private static byte[] ReadBytes(ZipArchiveEntry entry, string modelPath)
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
        new($"{modelPath}: cannot save this model's network: {why}.", modelPath);
}
