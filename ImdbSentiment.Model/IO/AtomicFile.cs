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
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
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

    public static void WriteAllText(string path, string contents) =>
        Write(path, temporary => File.WriteAllText(temporary, contents));

    /// <summary>
    /// Deletes the temporary files of the writes still in progress, for a process about to end without finishing them
    /// (a second Ctrl-C); the writes then fail, and their targets stay as they were.
    /// </summary>
    public static void DeleteUnfinished() => Unfinished.DeleteAll();
}
