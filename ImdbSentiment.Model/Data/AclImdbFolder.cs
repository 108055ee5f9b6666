namespace ImdbSentiment.Model.Data;

/// <summary>An extracted aclImdb tree: the aclImdb folder itself or the folder that contains it.</summary>
internal sealed class AclImdbFolder(string path) : IAclImdbSource
{
    private readonly string _root = Directory.Exists(Path.Combine(path, AclImdbLayout.RootFolder))
        ? Path.Combine(path, AclImdbLayout.RootFolder)
        : path;

    public AclImdbContents ReadAll(bool unlabelled)
    {
        var contents = new AclImdbContents([], []);
        string[] folders = unlabelled ? [.. AclImdbLayout.Classes.Select(c => c.Folder), AclImdbLayout.UnlabelledFolder] : [.. AclImdbLayout.Classes.Select(c => c.Folder)];
        foreach (var split in AclImdbReader.Splits)
        {
            foreach (var classFolder in folders)
            {
                AclImdbLayout.TryGetLabel(classFolder, out var label);
                contents.Reviews.AddRange(ReviewFiles(split, classFolder).Select(file => ReadReview(file, split, classFolder, label)));
                var urlList = Path.Combine(_root, AclImdbLayout.UrlListName(split, classFolder));
                if (File.Exists(urlList))
                    contents.UrlLists[(split, classFolder)] = ReadText(urlList, RecordLimit.MaxUrlListBytes, "one url list").Split('\n', StringSplitOptions.TrimEntries);
            }
        }
        return contents;
    }

    private IEnumerable<string> ReviewFiles(string split, string classFolder)
    {
        var folder = Path.Combine(_root, split, classFolder);
        // Filtered by hand: on Windows the pattern "*.txt" also matches longer extensions.
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(file => file.EndsWith(AclImdbLayout.ReviewExtension, StringComparison.Ordinal))
            : [];
    }

    private static AclImdbReviewFile ReadReview(string file, string split, string classFolder, bool? label)
    {
        var text = ReadText(file, RecordLimit.MaxLength, "one review");
        if (string.IsNullOrWhiteSpace(text))
            throw new DataFormatException(file, null, "the review is empty: expected the text of a review");
        return new AclImdbReviewFile(split, classFolder, Path.GetFileName(file), label, text);
    }

    // Read to the limit whatever size the file claims: a device or a FIFO named *.txt claims none.
    private static string ReadText(string file, int limit, string what)
    {
        return RecordLimit.ReadFile(file, limit, out var length) ?? throw new DataFormatException(file, null, RecordLimit.FileTooLong("the file", length, limit, what));
    }
}
