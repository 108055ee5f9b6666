namespace ImdbSentiment.Model.Data;

/// <summary>
/// Reads the Large Movie Review Dataset in its official layout, aclImdb/{train,test}/{pos,neg}/*.txt, from an
/// extracted folder or straight from the .tar.gz. Other content (unsup/, .feat files, URL lists) is ignored.
/// </summary>
public static class AclImdbReader
{
    public static IReadOnlyList<string> Splits { get; } = ["train", "test"];

    /// <summary>True for a directory, or a path ending in .tar.gz or .tgz (whether or not it exists).</summary>
    public static bool IsAclImdb(string path) => Directory.Exists(path) || IsArchiveName(path);

    /// <summary>Whether the data set holds reviews in both pos/ and neg/ of <paramref name="split"/>; scans a whole archive.</summary>
    public static bool HasSplit(string path, string split)
    {
        CheckSplitName(split);
        return Open(path).FindSplits().Contains(split);
    }

    /// <summary>Whether <paramref name="split"/> holds any review at all, in one class or both; reads the split.</summary>
    public static bool HasAnyReview(string path, string split)
    {
        CheckSplitName(split);
        return Open(path).ReadSplit(split).Count > 0;
    }

    /// <summary>
    /// The reviews of <paramref name="split"/> ("train" or "test"): the positive ones, then the negative ones,
    /// each in ordinal order of file name, so a folder and its archive give the same sequence.
    /// </summary>
    public static IReadOnlyList<LabeledReview> Read(string path, string split)
    {
        CheckSplitName(split);
        var source = Open(path);
        var files = source.ReadSplit(split);
        if (AclImdbLayout.Classes.Any(c => !files.Exists(file => file.Label == c.Label)))
            throw MissingSplit(path, split, source.FindSplits());
        return files
            .OrderByDescending(file => file.Label)
            .ThenBy(file => file.FileName, StringComparer.Ordinal)
            .Select(file => new LabeledReview { Text = file.Text, Label = file.Label })
            .ToList();
    }

    private static bool IsArchiveName(string path) =>
        path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    private static IAclImdbSource Open(string path)
    {
        if (Directory.Exists(path))
            return new AclImdbFolder(path);
        if (!IsArchiveName(path))
            throw new DirectoryNotFoundException($"IMDB data set not found: {path} is neither a folder nor a .tar.gz/.tgz archive.");
        if (!File.Exists(path))
            throw new FileNotFoundException($"IMDB archive not found: {path}", path);
        return new AclImdbArchive(path);
    }

    private static void CheckSplitName(string split)
    {
        if (!Splits.Contains(split))
            throw new ArgumentException($"Unknown aclImdb split '{split}': expected {string.Join(" or ", Splits)}.", nameof(split));
    }

    private static DataFormatException MissingSplit(string path, string split, IReadOnlySet<string> found)
    {
        var present = found.Count == 0 ? "none" : string.Join(", ", Splits.Where(found.Contains));
        return new DataFormatException(path, null,
            $"no '{split}' split: expected reviews in aclImdb/{split}/pos/*.txt and aclImdb/{split}/neg/*.txt; splits found: {present}");
    }
}
