namespace ImdbSentiment.Model.Data;

/// <summary>
/// Names of the official aclImdb layout: aclImdb/{train,test}/{pos,neg}/[id]_[rating].txt, the unlabelled
/// aclImdb/train/unsup/[id]_0.txt, and the url lists aclImdb/{train,test}/urls_{pos,neg,unsup}.txt whose line [id] is
/// the IMDB page of review [id]'s movie.
/// </summary>
internal static class AclImdbLayout
{
    public const string RootFolder = "aclImdb";
    public const string ReviewExtension = ".txt";
    public const string UnlabelledFolder = "unsup";
    private const string UrlListPrefix = "urls_";

    public static IReadOnlyList<(string Folder, bool Label)> Classes { get; } = [("pos", true), ("neg", false)];

    public static bool TryGetLabel(string classFolder, out bool? label)
    {
        label = null;
        if (classFolder == UnlabelledFolder)
            return true;
        foreach (var (folder, value) in Classes)
        {
            if (classFolder == folder)
            {
                label = value;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Parses an archive entry name such as "aclImdb/train/pos/0_9.txt" (a leading "./" or a missing "aclImdb/" are
    /// accepted); entries outside {split}/{pos,neg,unsup}/*.txt, like the .feat files, give false.
    /// </summary>
    public static bool TryParseReview(string entryName, out string split, out string classFolder, out bool? label, out string fileName)
    {
        split = classFolder = fileName = "";
        label = null;
        var segments = Segments(entryName);
        if (segments.Length != 3
            || !AclImdbReader.Splits.Contains(segments[0])
            || !TryGetLabel(segments[1], out label)
            || !segments[2].EndsWith(ReviewExtension, StringComparison.Ordinal))
            return false;
        (split, classFolder, fileName) = (segments[0], segments[1], segments[2]);
        return true;
    }

    /// <summary>Parses a url list's name, e.g. "aclImdb/train/urls_pos.txt" gives split "train" and class folder "pos".</summary>
    public static bool TryParseUrlList(string entryName, out string split, out string classFolder)
    {
        split = classFolder = "";
        var segments = Segments(entryName);
        if (segments.Length != 2
            || !AclImdbReader.Splits.Contains(segments[0])
            || !segments[1].StartsWith(UrlListPrefix, StringComparison.Ordinal)
            || !segments[1].EndsWith(ReviewExtension, StringComparison.Ordinal))
            return false;
        classFolder = segments[1][UrlListPrefix.Length..^ReviewExtension.Length];
        if (!TryGetLabel(classFolder, out _))
            return false;
        split = segments[0];
        return true;
    }

    public static string UrlListName(string split, string classFolder) => $"{split}/{UrlListPrefix}{classFolder}{ReviewExtension}";

    private static string[] Segments(string entryName)
    {
        var segments = entryName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(segment => segment == ".")
            .ToArray();
        return segments.Length >= 3 && segments[0] == RootFolder ? segments[1..] : segments;
    }
}
