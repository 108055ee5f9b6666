using System.Collections.Concurrent;

namespace ImdbSentiment.Model.IO;

/// <summary>
/// A folder of its own under the system temporary folder (for the files ML.NET unpacks there), deleted with all it
/// holds on <see cref="Dispose"/> or, when the owner never gets that far, as the process exits.
/// </summary>
internal sealed class OwnedTemporaryFolder : IDisposable
{
    private static readonly ConcurrentDictionary<string, byte> Undeleted = new();

    static OwnedTemporaryFolder() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var folder in Undeleted.Keys)
                TryDelete(folder);
        };

    public OwnedTemporaryFolder() => Undeleted[Path] = 0;

    public string Path { get; } = Directory.CreateTempSubdirectory("imdb-sentiment-").FullName;

    public void Dispose()
    {
        TryDelete(Path);
        Undeleted.TryRemove(Path, out _);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still open on a platform that cannot delete it; the system's temporary-file cleaning takes it later.
        }
    }
}
