namespace ImdbSentiment.Model.IO;

/// <summary>
/// Writes a file through a temporary file in the same folder that is renamed over the target only when writing
/// succeeded, so readers never see a half-written file and a failure leaves no partial output behind.
/// </summary>
internal static class AtomicFile
{
    private static readonly UnfinishedWrites Unfinished = new(File.Delete);

    public static void Write(string path, Action<string> writeTemporary)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        var temporary = Path.Combine(folder, TemporaryName(Path.GetFileName(fullPath), Guid.NewGuid().ToString("N")));
        Unfinished.Add(temporary);
        try
        {
            Directory.CreateDirectory(folder);
            writeTemporary(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        // The user named the target, not the hidden temporary file; errors about other files (an input) pass through.
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && exception.Message.Contains(folder, StringComparison.Ordinal))
        {
            throw new IOException($"{fullPath}: could not be written ({exception.Message.Replace(temporary, fullPath, StringComparison.Ordinal).Trim()})", exception);
        }
        finally
        {
            // File.Delete throws when the folder itself is missing, which would hide the real error.
            if (File.Exists(temporary))
                File.Delete(temporary);
            Unfinished.Remove(temporary);
        }
    }

    private static string TemporaryName(string fileName, string unique) => $".{fileName}.{unique}.tmp";

    /// <summary>
    /// Deletes the temporary files that writes of <paramref name="path"/> left behind when their process was killed
    /// outright (SIGKILL, a lost machine), which no handler can clean up. Only for a target that no running process
    /// is writing: a batch shard's own outputs, before it rewrites them.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public static int DeleteLeftovers(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(folder))
            return 0;
        var leftovers = Directory.EnumerateFiles(folder, TemporaryName("*", "*"))
            .Where(file => IsTemporaryOf(Path.GetFileName(file), Path.GetFileName(fullPath))).ToList();
        foreach (var leftover in leftovers)
            File.Delete(leftover);
        return leftovers.Count;
    }

    // The temporary file is TemporaryName(fileName, a Guid in "N" format: 32 lower-case hex digits).
    private static bool IsTemporaryOf(string candidate, string fileName) =>
        candidate.Length == TemporaryName(fileName, "").Length + 32
        && Guid.TryParseExact(candidate.AsSpan(fileName.Length + 2, 32), "N", out var unique)
        && candidate == TemporaryName(fileName, unique.ToString("N"));

    public static void WriteAllText(string path, string contents) =>
        Write(path, temporary => File.WriteAllText(temporary, contents));

    /// <summary>
    /// Deletes the temporary files of the writes still in progress, for a process about to end without finishing them
    /// (a second Ctrl-C); the writes then fail, and their targets stay as they were.
    /// </summary>
    public static void DeleteUnfinished() => Unfinished.DeleteAll();
}
