namespace ImdbSentiment.Model.IO;

/// <summary>
/// Where a write of a path really goes, by one rule for every command that writes a file. A symbolic link is followed:
/// its final target is replaced atomically and the link stays a link (a link usually says where the user keeps the
/// file; replacing the link by a file would leave the real file stale). A target that is not a regular file (a
/// character or block device, a FIFO, a socket) or that names one of the process's open descriptors (/dev/stdout,
/// /dev/fd/N, /proc/...) is written through, as a shell's <c>&gt;</c> would, and never renamed over.
/// </summary>
/// <param name="Path">The full path to write: the link's final target, or the path given when written through.</param>
/// <param name="WritesThrough">Opened and written in place: no temporary file, no rename, no lock.</param>
internal sealed record OutputTarget(string Path, bool WritesThrough)
{
    private static readonly string[] DescriptorPaths = ["/dev/stdout", "/dev/stderr", "/dev/stdin"];
    private static readonly string[] DescriptorFolders = ["/dev/fd/", "/proc/"];

    /// <exception cref="IOException">A link that cannot be followed (a loop).</exception>
    public static OutputTarget Resolve(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (NamesADescriptor(fullPath) || FileNode.Of(fullPath) is { Kind: FileNodeKind.Stream })
            return new OutputTarget(fullPath, WritesThrough: true);
        if (new FileInfo(fullPath).LinkTarget is null)
            return new OutputTarget(fullPath, WritesThrough: false);
        try
        {
            return new OutputTarget(File.ResolveLinkTarget(fullPath, returnFinalTarget: true)!.FullName, WritesThrough: false);
        }
        catch (IOException exception)
        {
            throw new IOException($"{fullPath}: is a symbolic link that cannot be followed ({exception.Message})", exception);
        }
    }

    private static bool NamesADescriptor(string fullPath) =>
        DescriptorPaths.Contains(fullPath, StringComparer.Ordinal) || DescriptorFolders.Any(folder => fullPath.StartsWith(folder, StringComparison.Ordinal));
}
