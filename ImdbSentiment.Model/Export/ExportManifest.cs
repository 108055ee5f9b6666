using System.Text.Json;

namespace ImdbSentiment.Model.Export;

/// <summary>
/// export-manifest.json: the files an export wrote. It is how a later export tells an earlier export, whose files it
/// may replace, from a folder of the user's that merely holds a featurizer.json: it replaces a folder only when every
/// entry there is a file the manifest lists.
/// </summary>
internal static class ExportManifest
{
    public const string FileName = "export-manifest.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static void Write(string folder, IEnumerable<string> files) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(new Document([.. files.Order(StringComparer.Ordinal)]), Json));

    /// <summary>What an existing <paramref name="folder"/> holds that an export may replace: an earlier export's files, manifest included.</summary>
    /// <returns>The files, or a problem naming what is not an earlier export's.</returns>
    public static (IReadOnlyList<string> Files, string? Problem) Replaceable(string folder)
    {
        var entries = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        if (entries.Count == 0)
            return ([], null);
        if (Listed(folder) is not { } listed)
        {
            return ([], $"{folder} holds {Describe(entries)} but no {FileName}, so it is not an export this program wrote: " +
                "an export replaces only an earlier export's files; name an empty or new folder");
        }
        var others = entries.Where(entry => entry != FileName && (!listed.Contains(entry!) || Directory.Exists(Path.Combine(folder, entry!)))).ToList();
        if (others.Count > 0)
        {
            return ([], $"{folder} holds {Describe(others)}, which the earlier export there did not write (its {FileName} does not list {(others.Count == 1 ? "it" : "them")}): " +
                "an export replaces only an earlier export's files; move them away or name an empty or new folder");
        }
        return ([.. entries!], null);
    }

    private static HashSet<string>? Listed(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<Document>(File.ReadAllText(Path.Combine(folder, FileName)), Json)?.Files is { } files
                ? new HashSet<string>(files, StringComparer.Ordinal)
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static string Describe(IReadOnlyList<string?> entries) =>
        entries.Count <= 3 ? string.Join(", ", entries) : $"{string.Join(", ", entries.Take(3))} and {entries.Count - 3} more";

    private sealed record Document(IReadOnlyList<string> Files);
}
