using System.Text.Json;
using ImdbSentiment.Trainer.Reports;
using ImdbSentiment.Training.Networks;
using ImdbSentiment.Trainer.Output;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// The model card's key figures, read from the metrics.json that <c>train</c> writes into the report folder beside the
/// model (<c>models/imdb-sentiment.zip</c> has <c>models/imdb-sentiment-report/metrics.json</c>). A figure the file
/// lacks is null. The training and validation figures are left out: they describe the split before the refit, which
/// then trained on both.
/// </summary>
internal sealed record ModelCardFacts(
    string Source, string? Architecture, int? VocabularySize, int? MaxLength, int? NgramLength, double? TestAccuracy, int? TestReviews,
    string? CommandLine)
{
    /// <returns>Null when there is no report beside the model, or it cannot be read (with a warning line).</returns>
    public static ModelCardFacts? ReadBeside(string modelPath, TextWriter warnings)
    {
        var path = Path.Combine(ReportFolder.DefaultFor(modelPath), ReportFolder.MetricsFileName);
        if (!File.Exists(path))
            return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return new ModelCardFacts(
                Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, path).Replace('\\', '/'),
                NetworkName(root),
                Integer(root, "options", "featurizer", "vocabularySize"),
                Integer(root, "options", "featurizer", "maxLength"),
                Integer(root, "options", "featurizer", "ngramLength"),
                Number(root, "test", "accuracy"),
                Integer(root, "test", "count"),
                // The card's command names the training machine's folders; a client learns only the file names.
                Find(root, "commandLine")?.GetString() is { } commandLine ? CommandLineText.WithFileNamesOnly(commandLine) : null);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            warnings.WriteLine($"warning: {path}: not a readable metrics.json ({TerminalText.Escape(exception.Message)}); GET /model leaves out the model card's figures.");
            return null;
        }
    }

    // As train names it ("ngram-bag+lstm", or "ngram-bag fused with lstm" for two fused networks); metrics.json stores
    // the recurrent part and the n-gram branch apart.
    private static string? NetworkName(JsonElement root)
    {
        // Reports written before the trainer's settings were grouped keep the network settings one level up.
        var network = Find(root, "options", "trainer", "network") ?? Find(root, "options", "network");
        var name = network is { } settings ? NameOf(settings) : null;
        return Find(root, "options", "trainer", "fusedWith", "network") is { } partner && NameOf(partner) is { } partnerName && name is not null
            ? NetworkArchitectureNames.FusedName(partnerName, name)
            : name;
    }

    private static string? NameOf(JsonElement settings)
    {
        if (Find(settings, "architecture")?.GetString() is not { } architecture)
            return null;
        var ngramBranch = Find(settings, "ngramBranch")?.GetBoolean() ?? false;
        try
        {
            return NetworkArchitectureNames.NetworkName(NetworkArchitectureNames.Parse(architecture), ngramBranch);
        }
        catch (ArgumentException)
        {
            return architecture;
        }
    }

    private static JsonElement? Find(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element) || element.ValueKind == JsonValueKind.Null)
                return null;
        }
        return element;
    }

    private static int? Integer(JsonElement root, params string[] names) => Find(root, names)?.GetInt32();

    private static double? Number(JsonElement root, params string[] names) => Find(root, names)?.GetDouble();
}
