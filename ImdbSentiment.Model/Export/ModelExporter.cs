using System.Text;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Model.ModelFormat;

namespace ImdbSentiment.Model.Export;

/// <summary>
/// Writes a model zip's own files (<see cref="ModelFile"/>: featurizer.json, the network as a standalone ONNX file,
/// the vocabularies one entry a line in UTF-8) and the manifest of those files into one folder, written atomically,
/// for any language to serve.
/// </summary>
public static class ModelExporter
{
    public const string NetworkFile = ModelFile.NetworkFile;
    public const string SpecFile = ModelFile.SpecFile;
    public const string VocabularyFile = ModelFile.VocabularyFile;
    public const string NgramVocabularyFile = ModelFile.NgramVocabularyFile;

    /// <summary>
    /// Exports <paramref name="modelPath"/> into <paramref name="outputFolder"/>, written whole or not at all. An
    /// existing non-empty folder is replaced only when it holds an earlier export and nothing else (see <see cref="ExportManifest"/>).
    /// </summary>
    /// <exception cref="IOException">The folder holds something an earlier export did not write; the message names it.</exception>
    public static ExportSummary Export(string modelPath, string outputFolder, CancellationToken cancellation = default)
    {
        var model = ModelFile.Read(modelPath);
        var spec = model.Spec;
        var ngrams = model.NgramLines();
        IReadOnlyList<string> replaced = [];
        // A linked folder is followed: its target is replaced and the link kept, as for files.
        var target = OutputTarget.Resolve(outputFolder).Path;
        AtomicFolder.Write(target, folder =>
        {
            var written = new List<string> { spec.Network.File };
            File.WriteAllBytes(Path.Combine(folder, spec.Network.File), model.Network);
            cancellation.ThrowIfCancellationRequested();
            if (spec.TokenIds is { } tokens)
                written.Add(WriteLines(Path.Combine(folder, tokens.Vocabulary), model.Words));
            cancellation.ThrowIfCancellationRequested();
            if (spec.NgramIds is { } ngramIds)
                written.Add(WriteLines(Path.Combine(folder, ngramIds.Vocabulary), ngrams));
            cancellation.ThrowIfCancellationRequested();
            File.WriteAllBytes(Path.Combine(folder, SpecFile), model.SpecBytes);
            written.Add(SpecFile);
            ExportManifest.Write(folder, written);
        },
        // Checked again on the folder as it is replaced, so that nothing put there since the command started is lost.
        earlier =>
        {
            var (files, problem) = ExportManifest.Replaceable(earlier);
            replaced = problem is null ? files : throw new IOException(problem.Replace(earlier, target, StringComparison.Ordinal));
        });
        return new ExportSummary(model.Network.Length, model.Words.Length, ngrams.Length)
        {
            Spec = spec,
            Replaced = replaced,
        };
    }

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
    /// <summary>The featurizer.json written; its format is documented in docs/model-format.md, so its types stay internal.</summary>
    internal ModelSpec Spec { get; init; } = null!;

    /// <summary>The files of the earlier export that this one replaced; empty when the folder was new or empty.</summary>
    public IReadOnlyList<string> Replaced { get; init; } = [];
}
