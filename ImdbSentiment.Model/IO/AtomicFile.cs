namespace ImdbSentiment.Model.IO;

/// <summary>
/// Writes a file by the rule every command follows (<see cref="OutputTarget"/>): a regular file, or a new one, is
/// written through a temporary file in the same folder that is renamed over the target only when writing succeeded,
/// so readers never see a half-written file and a failure leaves no partial output behind; a link is followed and its
/// target replaced; a device, a FIFO or /dev/stdout is written through. While it writes, the process holds the
/// output's <see cref="OutputLock"/>, so another process writing the same file at the same time is refused rather than
/// racing it, and temporary files that a killed writer left beside the target are deleted first.
/// </summary>
internal static class AtomicFile
{
    private static readonly UnfinishedWrites Unfinished = new(File.Delete);

    public static void Write(string path, Action<string> writeTemporary)
    {
        var target = OutputTarget.Resolve(path);
        if (target.WritesThrough)
        {
            WriteThrough(target.Path, writeTemporary);
            return;
        }

        var fullPath = target.Path;
        var folder = Path.GetDirectoryName(fullPath)!;
        var temporary = Path.Combine(folder, TemporaryName(Path.GetFileName(fullPath), Guid.NewGuid().ToString("N")));
        var lockPath = OutputLock.LockPathOf(fullPath);
        Unfinished.Add(temporary);
        try
        {
            Directory.CreateDirectory(folder);
            using var claim = OutputLock.TryAcquire(fullPath) ?? throw BusyError(fullPath);
            DeleteLeftovers(claim);
            writeTemporary(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        // Errors about other files (an input) pass through.
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && exception.Message.Contains(folder, StringComparison.Ordinal))
        {
            throw NamingTheTarget(exception, fullPath, temporary, lockPath);
        }
        finally
        {
            // File.Delete throws when the folder itself is missing, which would hide the real error.
            if (File.Exists(temporary))
                File.Delete(temporary);
            Unfinished.Remove(temporary);
        }
    }

    /// <summary>
    /// Claims <paramref name="path"/> for this process (see <see cref="OutputLock"/>), for a caller that decides what to
    /// write only once no other process is writing it; its own writes of the path then go ahead under the same claim.
    /// </summary>
    /// <returns>Null when another process is writing it.</returns>
    public static OutputLock? TryClaim(string path)
    {
        var fullPath = OutputTarget.Resolve(path).Path;
        var folder = Path.GetDirectoryName(fullPath)!;
        try
        {
            Directory.CreateDirectory(folder);
            return OutputLock.TryAcquire(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && exception.Message.Contains(folder, StringComparison.Ordinal))
        {
            throw NamingTheTarget(exception, fullPath, OutputLock.LockPathOf(fullPath));
        }
    }

    // The user named the target, not the hidden files beside it.
    private static IOException NamingTheTarget(Exception exception, string fullPath, params string[] hidden)
    {
        var message = hidden.Aggregate(exception.Message, (text, path) => text.Replace(path, fullPath, StringComparison.Ordinal)).Trim();
        return new IOException(message.StartsWith(fullPath, StringComparison.Ordinal) ? message : $"{fullPath}: could not be written ({message})", exception);
    }

    private static IOException BusyError(string fullPath) =>
        new($"{fullPath}: another process is writing this file now (it holds {OutputLock.LockPathOf(fullPath)}): wait for it to finish, or write to another file");

    private static void WriteThrough(string path, Action<string> write)
    {
        try
        {
            write(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && exception.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new IOException($"{path}: could not be written ({exception.Message.Trim()})", exception);
        }
    }

    private static string TemporaryName(string fileName, string unique) => $".{fileName}.{unique}.tmp";

    /// <summary>
    /// Deletes the temporary files that writes of the claimed output left behind when their process was killed
    /// outright (SIGKILL, a lost machine), which no handler can clean up. Only under the output's claim: every live
    /// writer of the output holds it, so any temporary file of the output is then a dead writer's.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public static int DeleteLeftovers(OutputLock claim)
    {
        var folder = Path.GetDirectoryName(claim.Output)!;
        var fileName = Path.GetFileName(claim.Output);
        var leftovers = Directory.EnumerateFiles(folder, TemporaryName("*", "*"))
            .Where(file => IsTemporaryOf(Path.GetFileName(file), fileName) && !Unfinished.Contains(file)).ToList();
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
    /// Deletes the temporary files of the writes still in progress and releases their claims, for a process about to
    /// end without finishing them (a second Ctrl-C); the writes then fail, and their targets stay as they were.
    /// </summary>
    public static void DeleteUnfinished()
    {
        Unfinished.DeleteAll();
        OutputLock.ReleaseAll();
    }
}
