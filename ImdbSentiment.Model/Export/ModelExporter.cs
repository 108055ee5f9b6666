using System.Text;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Export;

/// <summary>
/// Writes a model zip as files any language can serve: the network as a standalone ONNX file (ids in, probability
/// out), the vocabularies one entry a line (UTF-8), and featurizer.json (<see cref="ExportSpec"/>), all into one
/// folder written atomically.
/// </summary>
public static class ModelExporter
{
    public const string NetworkFile = "model.onnx";
    public const string SpecFile = "featurizer.json";
    public const string VocabularyFile = "vocabulary.txt";
    public const string NgramVocabularyFile = "ngrams.txt";

    /// <summary>
    /// Exports <paramref name="modelPath"/> into <paramref name="outputFolder"/>, written whole or not at all. An
    /// existing non-empty folder is replaced only when it holds an earlier export and nothing else (see <see cref="ExportManifest"/>).
    /// </summary>
    /// <exception cref="IOException">The folder holds something an earlier export did not write; the message names it.</exception>
    public static ExportSummary Export(string modelPath, string outputFolder, CancellationToken cancellation = default)
    {
        NetworkGraph network;
        FeaturizerState featurizer;
        using (var model = SentimentModel.Load(modelPath))
        {
            network = NetworkGraph.Read(modelPath);
            featurizer = FeaturizerState.Read(model);
        }
        if (network.ReadsNgramIds && featurizer.NgramLength == 0)
            throw new UnreadableModelException($"{modelPath}: the network reads n-gram ids but the featurizer makes none.", modelPath);

        var spec = Spec(network, featurizer);
        IReadOnlyList<string> replaced = [];
        // A linked folder is followed: its target is replaced and the link kept, as for files.
        var target = OutputTarget.Resolve(outputFolder).Path;
        AtomicFolder.Write(target, folder =>
        {
            var written = new List<string> { NetworkFile };
            File.WriteAllBytes(Path.Combine(folder, NetworkFile), network.Bytes);
            cancellation.ThrowIfCancellationRequested();
            if (spec.TokenIds is not null)
                written.Add(WriteLines(Path.Combine(folder, VocabularyFile), featurizer.Words));
            cancellation.ThrowIfCancellationRequested();
            if (spec.NgramIds is not null)
                written.Add(WriteLines(Path.Combine(folder, NgramVocabularyFile), featurizer.Ngrams));
            cancellation.ThrowIfCancellationRequested();
            File.WriteAllText(Path.Combine(folder, SpecFile), spec.ToJson(), Utf8);
            written.Add(SpecFile);
            ExportManifest.Write(folder, written);
        },
        // Checked again on the folder as it is replaced, so that nothing put there since the command started is lost.
        earlier =>
        {
            var (files, problem) = ExportManifest.Replaceable(earlier);
            replaced = problem is null ? files : throw new IOException(problem.Replace(earlier, target, StringComparison.Ordinal));
        });
        return new ExportSummary(network.Bytes.Length, spec.TokenIds is null ? 0 : featurizer.Words.Count, spec.NgramIds is null ? 0 : featurizer.Ngrams.Count)
        {
            Spec = spec,
            Replaced = replaced,
        };
    }

    private static ExportSpec Spec(NetworkGraph network, FeaturizerState featurizer) => new()
    {
        Network = new NetworkSpec(NetworkFile, NetworkGraphNames.ProbabilityOutput, NetworkGraphNames.LogitOutput),
        Text = new TextSpec(TextRules.LineBreakPattern, TextRules.Lowercase.From, TextRules.Lowercase.To, TextRules.TokenPattern, TextRules.ReadableTokenPattern),
        TokenIds = network.ReadsTokenIds
            ? new TokenIdsSpec(NetworkGraphNames.TokenIdsInput, VocabularyFile, Vocabulary.PaddingId, Vocabulary.StartId,
                Vocabulary.OutOfVocabularyId, Vocabulary.ReservedIds, featurizer.MaxLength, featurizer.Padding, featurizer.Truncating)
            : null,
        NgramIds = network.ReadsNgramIds
            ? new NgramIdsSpec(NetworkGraphNames.NgramIdsInput, NgramVocabularyFile, featurizer.NgramLength, Ngrams.Separator,
                NgramIds.PaddingId, NgramIds.PaddingId + 1)
            : null,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string WriteLines(string path, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(path, append: false, Utf8);
        writer.NewLine = "\n";
        foreach (var line in lines)
            writer.WriteLine(line);
        return Path.GetFileName(path);
    }
}

/// <summary>What an export wrote: the ONNX file's size and the vocabularies' entries (0 for one not written).</summary>
public sealed record ExportSummary(long NetworkBytes, int Words, int Ngrams)
{
    /// <summary>The featurizer.json written; its format is documented in the README, so its types stay internal.</summary>
    internal ExportSpec Spec { get; init; } = null!;

    /// <summary>The files of the earlier export that this one replaced; empty when the folder was new or empty.</summary>
    public IReadOnlyList<string> Replaced { get; init; } = [];
}
