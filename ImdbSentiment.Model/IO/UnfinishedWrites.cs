using System.Collections.Concurrent;

namespace ImdbSentiment.Model.IO;

/// <summary>The temporary files or folders of atomic writes in progress, so that a process about to end can delete them.</summary>
internal sealed class UnfinishedWrites(Action<string> delete)
{
    private readonly ConcurrentDictionary<string, byte> _paths = new();

    public void Add(string path) => _paths[path] = 0;

    public void Remove(string path) => _paths.TryRemove(path, out _);

    public bool Contains(string path) => _paths.ContainsKey(path);

    public void DeleteAll()
    {
        foreach (var path in _paths.Keys)
        {
            try
            {
                delete(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Best effort: the process is ending and cannot report it anywhere better than this.
            }
        }
    }
}
