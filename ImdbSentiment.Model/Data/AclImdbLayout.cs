namespace ImdbSentiment.Model.Data;

/// <summary>Names of the official aclImdb layout: aclImdb/{train,test}/{pos,neg}/[id]_[rating].txt.</summary>
internal static class AclImdbLayout
{
    public const string RootFolder = "aclImdb";
    public const string ReviewExtension = ".txt";

    public static IReadOnlyList<(string Folder, bool Label)> Classes { get; } = [("pos", true), ("neg", false)];

    public static bool TryGetLabel(string classFolder, out bool label)
    {
        foreach (var (folder, value) in Classes)
        {
            if (classFolder == folder)
            {
                label = value;
                return true;
            }
        }
        label = false;
        return false;
    }

    /// <summary>
    /// Parses an archive entry name such as "aclImdb/train/pos/0_9.txt" (a leading "./" or a missing
    /// "aclImdb/" are accepted); entries outside {split}/{pos,neg}/*.txt, like unsup/ or the .feat files, give false.
    /// </summary>
    public static bool TryParseEntry(string entryName, out string split, out bool label, out string fileName)
    {
        split = fileName = "";
        label = false;
        var segments = entryName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(segment => segment == ".")
            .ToArray();
        if (segments.Length == 4 && segments[0] == RootFolder)
            segments = segments[1..];
        if (segments.Length != 3
            || !AclImdbReader.Splits.Contains(segments[0])
            || !TryGetLabel(segments[1], out label)
            || !segments[2].EndsWith(ReviewExtension, StringComparison.Ordinal))
            return false;
        split = segments[0];
        fileName = segments[2];
        return true;
    }
}
