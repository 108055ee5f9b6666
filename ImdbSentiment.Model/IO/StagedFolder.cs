namespace ImdbSentiment.Model.IO;

/// <summary>
/// The files a run writes into a folder at different times (train's checkpoint during training, its report at the
/// end), kept in a hidden folder beside it until <see cref="Publish"/> moves them in, each by the rule of
/// <see cref="AtomicFile"/>. Until then the folder is as it was; a run that fails or is stopped leaves nothing, not
/// even the folders it made to hold the hidden one.
/// </summary>
internal sealed class StagedFolder : IDisposable
{
    private static readonly UnfinishedWrites Unfinished = new(folder => Directory.Delete(folder, recursive: true));

    private readonly string _target;
    private readonly List<string> _madeFolders = [];
    private bool _published;

    public StagedFolder(string target)
    {
        _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        for (var folder = Path.GetDirectoryName(_target); folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
            _madeFolders.Add(folder);
        StagingPath = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.{Guid.NewGuid():N}.staged");
        Unfinished.Add(StagingPath);
        Directory.CreateDirectory(StagingPath);
    }

    /// <summary>The hidden folder to write the files into.</summary>
    public string StagingPath { get; }

    /// <summary>Moves the staged files into the folder, replacing files of the same names.</summary>
    /// <param name="alsoReplaces">Names of files an earlier run wrote there that are deleted when this run has none of that name.</param>
    /// <returns>The files written, as full paths.</returns>
    public IReadOnlyList<string> Publish(IEnumerable<string> alsoReplaces)
    {
        Directory.CreateDirectory(_target);
        var staged = Directory.GetFiles(StagingPath);
        foreach (var file in staged)
            AtomicFile.Write(Path.Combine(_target, Path.GetFileName(file)), temporary => MoveOrCopy(file, temporary));
        foreach (var name in alsoReplaces.Except(staged.Select(Path.GetFileName), StringComparer.Ordinal))
        {
            var stale = Path.Combine(_target, name!);
            if (File.Exists(stale))
                File.Delete(stale);
        }
        _published = true;
        return [.. staged.Select(file => Path.Combine(_target, Path.GetFileName(file)))];
    }

    // A file is moved in by a rename on the same file system; one written through (a device, a FIFO) is copied.
    private static void MoveOrCopy(string file, string destination)
    {
        if (File.Exists(destination))
            File.Copy(file, destination, overwrite: true);
        else
            File.Move(file, destination);
    }

    /// <summary>Deletes the hidden folders of runs still in progress, for a process about to end without finishing them.</summary>
    public static void DeleteUnfinished() => Unfinished.DeleteAll();

    public void Dispose()
    {
        if (Directory.Exists(StagingPath))
            Directory.Delete(StagingPath, recursive: true);
        Unfinished.Remove(StagingPath);
        if (_published)
            return;
        // Deepest first; a folder something else has been put into since stays.
        foreach (var folder in _madeFolders)
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
        }
    }
}
