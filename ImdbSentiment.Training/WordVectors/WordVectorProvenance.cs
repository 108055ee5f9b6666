using System.Text.Encodings.Web;
using System.Text.Json;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Training.WordVectors.SkipGram;

namespace ImdbSentiment.Training.WordVectors;

/// <summary>
/// Where a .vec file came from, written beside it as FILE.vec.json by the vectors command and read by training, so
/// that a model card says which corpus, method and settings its embedding started from, and how long they took.
/// </summary>
/// <param name="Corpus">What was read, e.g. "aclImdb train/ labelled and unlabelled reviews of data/aclImdb.tar.gz".</param>
/// <param name="Tokens">The corpus's tokens, words below the min-count included.</param>
/// <param name="Words">The words that got a vector.</param>
/// <param name="Seconds">Training time, reading and writing excluded.</param>
public sealed record WordVectorProvenance(
    string Corpus, long Reviews, long Tokens, int Words, string Method, SkipGramOptions Settings, double Seconds, string CommandLine)
{
    public const string SkipGramMethod = "skip-gram with negative sampling (word2vec's method: unigram^0.75 noise, frequent-word subsampling, linearly decaying learning rate, dynamic window)";

    // Relaxed escaping: the file is for people too, and a command line's quotes and && read as typed.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string PathBeside(string vectorsPath) => vectorsPath + ".json";

    public void WriteBeside(string vectorsPath) => AtomicFile.WriteAllText(PathBeside(vectorsPath), JsonSerializer.Serialize(this, Json));

    /// <summary>The provenance written beside the file; null when there is none (a file made elsewhere).</summary>
    public static WordVectorProvenance? ReadBeside(string vectorsPath)
    {
        var path = PathBeside(vectorsPath);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<WordVectorProvenance>(File.ReadAllText(path), Json)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException exception)
        {
            throw new DataFormatException(path, exception.LineNumber + 1, "not the provenance the vectors command writes beside its .vec file: remove or fix it", nameof(NetworkSettings.WordVectors));
        }
    }
}
