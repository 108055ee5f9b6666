namespace ImdbSentiment.Model.IO;

/// <summary>
/// A path with every symbolic link along it resolved, so that two spellings of one file (a relative path, "..",
/// a linked folder, a link to the file) compare equal; so do two hard links to one file, by their inode.
/// </summary>
internal static class CanonicalPath
{
    private static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static bool SameFile(string first, string second) =>
        string.Equals(Of(first), Of(second), Comparison)
        || (FileNode.Of(first) is { } one && FileNode.Of(second) is { } other && one.IsSameFileAs(other));

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var resolved = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            resolved = Path.Combine(resolved, segment);
            FileSystemInfo entry = Directory.Exists(resolved) ? new DirectoryInfo(resolved) : new FileInfo(resolved);
            if (entry.LinkTarget is not null && entry.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                resolved = Of(target.FullName);
        }
        return resolved;
    }
}
