namespace ImdbSentiment.Model.Batch;

/// <summary>
/// The files a batch run scores, from what the user named: files, folders (their .csv, .tsv and .txt files, not
/// hidden ones, not in subfolders) and patterns with * and ? in the file name ("reviews/part-*.csv", for a command
/// line that no shell expands, as in a Kubernetes Job). Each output takes its input's file name, so two different
/// inputs with the same name are refused; the same file named twice is scored once.
/// </summary>
internal static class ScoringInputs
{
    private static readonly string[] FolderExtensions = [".csv", ".tsv", ".txt"];

    // Only * and ?, without Windows' legacy 8.3 quirks; hidden files (a write's temporary file) are skipped by default.
    private static readonly EnumerationOptions PatternMatching = new() { MatchType = MatchType.Simple };

    /// <summary>The input files, sorted by file name (ordinal), as full paths.</summary>
    /// <exception cref="FileNotFoundException">A name is neither a file nor a folder, or a folder or pattern holds no input.</exception>
    /// <exception cref="ArgumentException">Two different inputs have the same file name, or a pattern has a wildcard in a folder name.</exception>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> named)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in named.SelectMany(Expand))
        {
            var name = Path.GetFileName(path);
            if (byName.TryGetValue(name, out var earlier))
            {
                if (IO.CanonicalPath.SameFile(earlier, path))
                    continue;
                throw new ArgumentException(
                    $"two inputs have the same file name {name}: {earlier} and {path}; each output takes its input's file name, so rename one or score them in separate runs");
            }
            byName[name] = path;
        }
        return [.. byName.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value)];
    }

    private static IEnumerable<string> Expand(string named)
    {
        if (File.Exists(named))
            return [Path.GetFullPath(named)];
        if (Directory.Exists(named))
        {
            var files = Directory.EnumerateFiles(named, "*", PatternMatching)
                .Where(file => FolderExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                .Select(Path.GetFullPath).ToList();
            return files.Count > 0 ? files
                : throw new FileNotFoundException($"{named}: the folder holds no .csv, .tsv or .txt file to score", named);
        }
        if (IsPattern(named))
            return Matching(named);
        throw new FileNotFoundException($"{named}: no such file or folder (expected a CSV/TSV file, a folder of them or a pattern such as reviews/*.csv)", named);
    }

    public static bool IsPattern(string named) => named.AsSpan().IndexOfAny('*', '?') >= 0;

    private static List<string> Matching(string pattern)
    {
        var folder = Path.GetDirectoryName(pattern) is { Length: > 0 } directory ? directory : ".";
        if (IsPattern(folder))
            throw new ArgumentException($"{pattern}: only the file name may have wildcards (* and ?), not the folder {folder}");
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, Path.GetFileName(pattern), PatternMatching).Select(Path.GetFullPath).ToList()
            : [];
        return files.Count > 0 ? files : throw new FileNotFoundException($"{pattern}: no file matches the pattern", pattern);
    }
}
