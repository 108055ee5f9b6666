using System.IO.Compression;
using System.Text;

namespace ImdbSentiment.Model.ModelFormat;

/// <summary>
/// The product's part of a model zip, read and checked: the spec (<see cref="ModelSpec"/>) under <see cref="Folder"/>,
/// the network's ONNX file and the vocabularies it names. That is what makes a zip an ImdbSentiment model: a zip
/// without a spec that parses and checks (structure, format and version) is refused, whatever else it holds. Every
/// entry of the zip must declare at most <see cref="LargestEntry"/> bytes, and the entries read here are inflated with
/// that bound, so a crafted zip cannot make a reader inflate gigabytes.
/// </summary>
internal sealed class ModelFile
{
    /// <summary>The folder of the product's entries inside the zip; ML.NET ignores entries it did not write.</summary>
    public const string Folder = "ImdbSentiment/";

    public const string SpecFile = "featurizer.json";
    public const string NetworkFile = "model.onnx";
    public const string VocabularyFile = "vocabulary.txt";
    public const string NgramVocabularyFile = "ngrams.txt";

    /// <summary>The most any entry may inflate to: 8 times the largest entry of the shipped n-gram model (30 MB).</summary>
    public const long LargestEntry = 256L << 20;

    /// <summary>The most all entries together may declare.</summary>
    public const long LargestTotal = 1L << 30;

    /// <summary>The most the spec itself may inflate to; the shipped models' specs are under 10 KB.</summary>
    public const long LargestSpec = 1L << 20;

    private ModelFile(string path, ModelSpec spec, byte[] specBytes, byte[] network, string[] words, string ngramVocabulary)
    {
        Path = path;
        Spec = spec;
        SpecBytes = specBytes;
        Network = network;
        Words = words;
        NgramVocabulary = ngramVocabulary;
    }

    public string Path { get; }

    public ModelSpec Spec { get; }

    /// <summary>featurizer.json as stored, which export writes unchanged.</summary>
    public byte[] SpecBytes { get; }

    /// <summary>The ONNX model.</summary>
    public byte[] Network { get; }

    /// <summary>The word vocabulary in id order; empty when the network reads no token ids.</summary>
    public string[] Words { get; }

    /// <summary>
    /// The n-gram vocabulary as stored, one n-gram a line in id order; empty when the network reads no n-gram ids. Kept
    /// as one text, since the scorer keys it without making a string of each of its (800,000) lines.
    /// </summary>
    public string NgramVocabulary { get; }

    /// <summary>The n-gram vocabulary's lines in id order, split on each call.</summary>
    public string[] NgramLines() => Lines(NgramVocabulary);

    /// <summary>Reads and checks the product's entries of the zip at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No file there.</exception>
    /// <exception cref="UnreadableModelException">Not a readable zip, an entry over the bound, or a spec that names missing or damaged files.</exception>
    /// <exception cref="ForeignModelException">A readable zip without the product's spec.</exception>
    public static ModelFile Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no model file there (expected an ImdbSentiment model zip).", path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            CheckSizes(zip);
            if (zip.GetEntry(Folder + SpecFile) is not { } specEntry)
                throw Foreign(path);
            if (specEntry.Length > LargestSpec)
                throw new InvalidDataException($"its model spec declares {specEntry.Length:N0} bytes, more than the {LargestSpec:N0} a spec may have");
            var specBytes = Inflate(specEntry);
            ModelSpec spec;
            try
            {
                spec = ModelSpec.FromJson(Encoding.UTF8.GetString(specBytes));
            }
            catch (InvalidDataException exception)
            {
                throw new UnreadableModelException($"{path}: its model spec {Folder}{SpecFile} is unusable: {exception.Message}.", path, exception);
            }
            byte[] Entry(string file) => zip.GetEntry(Folder + file) is { } entry
                ? Inflate(entry)
                : throw new UnreadableModelException($"{path}: its model spec names {Folder}{file}, which the zip lacks; it may be damaged.", path);
            return new ModelFile(path, spec, specBytes, Entry(spec.Network.File),
                spec.TokenIds is { } tokens ? Lines(Entry(tokens.Vocabulary)) : [],
                spec.NgramIds is { } ngrams ? Encoding.UTF8.GetString(Entry(ngrams.Vocabulary)) : "");
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException and not UnreadableModelException and not ForeignModelException and not FileNotFoundException)
        {
            throw Unreadable(path, exception);
        }
    }

    /// <summary>How the messages name a zip that lacks the spec, and how to re-save one that ImdbSentiment wrote earlier.</summary>
    private static ForeignModelException Foreign(string path) => new(
        $"{path}: a zip, but not an ImdbSentiment model: it has no {Folder}{SpecFile} (a model from ML.NET Model Builder or another program is foreign here; one saved by an ImdbSentiment release before model format 1, or by mlContext.Model.Save alone, is re-saved with SentimentModel.Save, see docs/model-format.md).", path);

    internal static UnreadableModelException Unreadable(string path, Exception exception) => new(
        $"{path}: not a readable ImdbSentiment model zip ({exception.GetBaseException().Message.Split('\n')[0].Trim()}); it may be truncated or damaged.", path, exception);

    private static void CheckSizes(ZipArchive zip)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > LargestEntry)
                throw new InvalidDataException($"its entry {entry.FullName} inflates to {entry.Length:N0} bytes, more than the {LargestEntry:N0} a model entry may have");
            total += entry.Length;
        }
        if (total > LargestTotal)
            throw new InvalidDataException($"its entries inflate to {total:N0} bytes, more than the {LargestTotal:N0} a model may have");
    }

    /// <summary>An entry's bytes, refusing one that inflates past what it declared (which <see cref="CheckSizes"/> bounded).</summary>
    private static byte[] Inflate(ZipArchiveEntry entry)
    {
        var bytes = new byte[entry.Length];
        using var stream = entry.Open();
        stream.ReadExactly(bytes);
        if (stream.ReadByte() >= 0)
            throw new InvalidDataException($"its entry {entry.FullName} inflates to more than the {entry.Length:N0} bytes it declares");
        return bytes;
    }

    private static string[] Lines(byte[] utf8) => Lines(Encoding.UTF8.GetString(utf8));

    private static string[] Lines(string text)
    {
        if (text.Length == 0)
            return [];
        return text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');
    }
}
