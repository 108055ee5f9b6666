namespace ImdbSentiment.Model.IO;

/// <summary>
/// A process's claim on one output file, so that two processes (a retried pod, a restarted job, two shards given one
/// folder) never write one output at once nor delete each other's temporary files. The claim is a hidden lock file
/// beside the output, held open and locked exclusively (FileShare.None: an flock(2) on Linux and macOS), and deleted
/// when released. The system frees the lock when its process ends, however it ends, so a lock file a killed process
/// left is taken over by the next writer. Claims are re-entrant within a process.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    // What the system's "would block" looks like through .NET: EWOULDBLOCK on Linux (11) and macOS (35), or Windows' sharing violation.
    private static readonly int[] HeldElsewhereCodes = [11, 35, unchecked((int)0x80070020)];
    private static readonly Dictionary<string, OutputLock> Held = new(StringComparer.Ordinal);

    private readonly FileStream _stream;
    private int _claims = 1;

    private OutputLock(string output, string lockPath, FileStream stream)
    {
        Output = output;
        LockPath = lockPath;
        _stream = stream;
    }

    /// <summary>The output's full path.</summary>
    public string Output { get; }

    public string LockPath { get; }

    public static string LockPathOf(string output) =>
        Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.imdb-sentiment-lock");

    /// <param name="output">A full path; its folder must exist.</param>
    /// <returns>Null when another process holds the output's lock.</returns>
    public static OutputLock? TryAcquire(string output)
    {
        lock (Held)
        {
            if (Held.TryGetValue(output, out var held))
            {
                held._claims++;
                return held;
            }

            var lockPath = LockPathOf(output);
            while (true)
            {
                FileStream stream;
                try
                {
                    stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
                }
                catch (IOException exception) when (HeldElsewhereCodes.Contains(exception.HResult))
                {
                    return null;
                }

                // A holder deletes the lock file before it lets go: a lock taken on a file no longer at the path is no
                // claim (another process may have made a new lock file there), so take the one that is there now.
                if (IsStillAt(stream, lockPath))
                {
                    var claim = new OutputLock(output, lockPath, stream);
                    Held[output] = claim;
                    return claim;
                }
                stream.Dispose();
            }
        }
    }

    /// <summary>Releases every claim of this process, for a process about to end without finishing its writes.</summary>
    public static void ReleaseAll()
    {
        lock (Held)
        {
            foreach (var claim in Held.Values.ToList())
                claim.Release();
        }
    }

    public void Dispose()
    {
        lock (Held)
        {
            if (--_claims == 0)
                Release();
        }
    }

    private void Release()
    {
        Held.Remove(Output);
        try
        {
            // Deleted while still locked, so that nobody takes a lock on a file that is about to go.
            File.Delete(LockPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is only an empty file: the next writer of the output takes it over.
        }
        _stream.Dispose();
    }

    private static bool IsStillAt(FileStream stream, string path) =>
        FileNode.Of(stream.SafeFileHandle) is not { } locked || (FileNode.Of(path) is { } named && locked.IsSameFileAs(named));
}
