namespace ImdbSentiment.Model.Data;

/// <summary>An extracted aclImdb tree: the aclImdb folder itself or the folder that contains it.</summary>
internal sealed class AclImdbFolder(string path) : IAclImdbSource
{
    private readonly string _root = Directory.Exists(Path.Combine(path, AclImdbLayout.RootFolder))
        ? Path.Combine(path, AclImdbLayout.RootFolder)
        : path;

    public IReadOnlySet<string> FindSplits() =>
        AclImdbReader.Splits
            .Where(split => AclImdbLayout.Classes.All(c => ReviewFiles(split, c.Folder).Any()))
            .ToHashSet();

    public List<AclImdbReviewFile> ReadSplit(string split) =>
        AclImdbLayout.Classes
            .SelectMany(c => ReviewFiles(split, c.Folder).Select(file => ReadReview(file, c.Label)))
            .ToList();

    private IEnumerable<string> ReviewFiles(string split, string classFolder)
    {
        var folder = Path.Combine(_root, split, classFolder);
        // Filtered by hand: on Windows the pattern "*.txt" also matches longer extensions.
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(file => file.EndsWith(AclImdbLayout.ReviewExtension, StringComparison.Ordinal))
            : [];
    }

    private static AclImdbReviewFile ReadReview(string file, bool label)
    {
        var text = File.ReadAllText(file);
        if (string.IsNullOrWhiteSpace(text))
            throw new DataFormatException(file, null, "the review is empty: expected the text of a review");
        return new AclImdbReviewFile(Path.GetFileName(file), label, text);
    }
}
