using System.IO.Compression;
using System.Text;
using Microsoft.ML;

namespace ImdbSentiment.Model.ModelFormat;

/// <summary>
/// Adds the product's entries (<see cref="ModelFile"/>) to a zip ML.NET has just saved: the spec, the network's ONNX
/// file and the vocabularies the network reads, computed from the fitted chain (<see cref="FeaturizerState"/>) and the
/// network ML.NET stored. ML.NET ignores them, so the zip stays a stock ML.NET model.
/// </summary>
internal static class ModelFileWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void AddTo(string zipPath, MLContext mlContext, ITransformer model)
    {
        var network = NetworkGraph.Read(zipPath);
        var featurizer = FeaturizerState.Read(mlContext, model);
        if (network.ReadsNgramIds && featurizer.NgramLength == 0)
            throw new ArgumentException("the network reads n-gram ids but the featurizer makes none", nameof(model));
        var spec = new ModelSpec
        {
            Network = new NetworkSpec(ModelFile.NetworkFile, NetworkGraphNames.ProbabilityOutput, NetworkGraphNames.LogitOutput),
            Text = TextSpec.Current,
            TokenIds = network.ReadsTokenIds
                ? TokenIdsSpec.For(ModelFile.VocabularyFile, featurizer.MaxLength, featurizer.Padding, featurizer.Truncating)
                : null,
            NgramIds = network.ReadsNgramIds ? NgramIdsSpec.For(ModelFile.NgramVocabularyFile, featurizer.NgramLength) : null,
        };

        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        Add(zip, ModelFile.NetworkFile, stream => stream.Write(network.Bytes));
        if (spec.TokenIds is not null)
            Add(zip, ModelFile.VocabularyFile, stream => WriteLines(stream, featurizer.Words));
        if (spec.NgramIds is not null)
            Add(zip, ModelFile.NgramVocabularyFile, stream => WriteLines(stream, featurizer.Ngrams));
        Add(zip, ModelFile.SpecFile, stream => stream.Write(Utf8.GetBytes(spec.ToJson())));
    }

    private static void Add(ZipArchive zip, string file, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(ModelFile.Folder + file, CompressionLevel.Optimal).Open();
        write(stream);
    }

    private static void WriteLines(Stream stream, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
        writer.NewLine = "\n";
        foreach (var line in lines)
            writer.WriteLine(line);
    }
}
