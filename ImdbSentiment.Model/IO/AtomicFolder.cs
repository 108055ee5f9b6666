namespace ImdbSentiment.Model.IO;

/// <summary>
/// Writes a folder of files through a hidden temporary folder beside it, renamed to the target only when every file
/// is written, so the target holds all the files or none: a failure leaves no partial folder and an existing target as
/// it was. An existing target is replaced by two renames (the old folder aside, the new one in) and then deleted.
/// </summary>
/// <remarks>The caller decides what may be replaced: <c>checkReplaced</c> sees the old folder once it is aside, and
/// throwing there puts it back untouched.</remarks>
internal static class AtomicFolder
{
    private static readonly UnfinishedWrites Unfinished = new(DeleteIfPresent);

    /// <param name="checkReplaced">Called with the existing folder, moved aside, before it is replaced; throws to keep it.</param>
    public static void Write(string path, Action<string> writeTemporary, Action<string>? checkReplaced = null)
    {
        var fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(fullPath))
            throw new IOException($"{fullPath}: is a file, not a folder to write into");
        var parent = Path.GetDirectoryName(fullPath)!;
        var temporary = Sibling(fullPath, "tmp");
        var replaced = Sibling(fullPath, "old");
        var written = false;
        Unfinished.Add(temporary);
        try
        {
            Directory.CreateDirectory(temporary);
            writeTemporary(temporary);
            if (Directory.Exists(fullPath))
                Directory.Move(fullPath, replaced);
            try
            {
                if (Directory.Exists(replaced))
                    checkReplaced?.Invoke(replaced);
                Directory.Move(temporary, fullPath);
                written = true;
            }
            catch when (Directory.Exists(replaced))
            {
                Directory.Move(replaced, fullPath);
                throw;
            }
        }
        // The user named the target, not the hidden folders beside it.
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && exception.Message.Contains(parent, StringComparison.Ordinal))
        {
            var message = exception.Message.Replace(temporary, fullPath, StringComparison.Ordinal).Replace(replaced, fullPath, StringComparison.Ordinal).Trim();
            throw new IOException(message.StartsWith(fullPath, StringComparison.Ordinal) ? message : $"{fullPath}: could not be written ({message})", exception);
        }
        finally
        {
            DeleteIfPresent(temporary);
            // Only once the new folder is in place: a failed move back leaves the old one aside rather than lost.
            if (written)
                DeleteIfPresent(replaced);
            Unfinished.Remove(temporary);
        }
    }

    /// <summary>Deletes the temporary folders of the writes still in progress, for a process about to end without finishing them.</summary>
    public static void DeleteUnfinished() => Unfinished.DeleteAll();

    private static string Sibling(string fullPath, string suffix) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.{suffix}");

    private static void DeleteIfPresent(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
