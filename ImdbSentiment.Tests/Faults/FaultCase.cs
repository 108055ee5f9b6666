using ImdbSentiment.Tests.Cli;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// One fault case: a fresh folder for its inputs and outputs, and a fresh temporary folder that the command line
/// runs with as TMPDIR, so that anything it leaves behind, beside the output or in the temporary folder, is seen.
/// </summary>
internal sealed class FaultCase : IDisposable
{
    private readonly DataFixtures _files = new();
    private readonly HashSet<string> _inputs = [];
    private readonly Dictionary<string, string> _environment;

    public FaultCase()
    {
        Directory.CreateDirectory(TempFolder);
        _environment = new Dictionary<string, string> { ["TMPDIR"] = TempFolder };
    }

    public string Folder => _files.Folder;

    public string TempFolder => Path.Combine(Path.GetTempPath(), Path.GetFileName(_files.Folder) + "-tmp");

    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>Caps the managed heap of the processes the case runs from now on (DOTNET_GCHeapHardLimit).</summary>
    public void CapManagedHeap(long bytes) => _environment["DOTNET_GCHeapHardLimit"] = $"0x{bytes:X}";

    /// <summary>The model this repository ships; read only.</summary>
    public static string ShippedModel => Path.Combine(DataFixtures.FindRepoRoot()!, "models", "imdb-sentiment.zip");

    /// <summary>The n-gram bag model this repository ships; read only.</summary>
    public static string BestModel => Path.Combine(DataFixtures.FindRepoRoot()!, "models", "imdb-sentiment-best.zip");

    public string PathOf(string name) => _files.PathOf(name);

    public string Input(string name, string content) => Remember(_files.WriteText(name, content));

    public string InputBytes(string name, byte[] content)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return Remember(path);
    }

    /// <summary>An aclImdb data set: a .tar.gz, or the same entries as a folder tree.</summary>
    public string InputAclImdb(string name, bool archive, IEnumerable<(string EntryName, string Content)> entries)
    {
        var path = archive ? _files.WriteTarGz(name, entries) : _files.WriteTree(name, entries);
        foreach (var file in archive ? [path] : Directory.GetFiles(path, "*", SearchOption.AllDirectories))
            Remember(file);
        return path;
    }

    /// <summary>Counts a file the test made itself (a link, a copy) as an input rather than as something left behind.</summary>
    public string Remember(string path)
    {
        _inputs.Add(Path.GetFullPath(path));
        return path;
    }

    public TrainerProcess.Outcome Run(params string[] arguments) => TrainerProcess.RunWith(null, Environment, arguments);

    public TrainerProcess.Outcome RunWithInput(string standardInput, params string[] arguments) =>
        TrainerProcess.RunWith(standardInput, Environment, arguments);

    /// <summary>Asserts that the case's folder holds only its inputs and <paramref name="outputs"/>, and the temporary folder nothing.</summary>
    public void AssertOnlyLeft(params string[] outputs)
    {
        AssertFolderHoldsOnly(outputs);
        AssertNoTemporaryFiles();
    }

    /// <summary>The case's folder half of <see cref="AssertOnlyLeft"/>, for a process killed outright, which leaves its TMPDIR files.</summary>
    public void AssertFolderHoldsOnly(params string[] outputs)
    {
        var expected = _inputs.Concat(outputs.Select(Path.GetFullPath)).Order(StringComparer.Ordinal).ToList();
        var found = FilesUnder(Folder).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected, found, $"files in {Folder}: {string.Join(", ", found.Select(Path.GetFileName))}");
    }

    // Not into linked folders: what they hold is listed where it really is.
    private static IEnumerable<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder).Select(Path.GetFullPath).Concat(
            Directory.EnumerateDirectories(folder).Where(sub => new DirectoryInfo(sub).LinkTarget is null).SelectMany(FilesUnder));

    public void AssertNoTemporaryFiles()
    {
        var left = Directory.EnumerateFileSystemEntries(TempFolder, "*", SearchOption.AllDirectories).ToList();
        Assert.IsEmpty(left, $"left in TMPDIR: {string.Join(", ", left)}");
    }

    public void Dispose()
    {
        _files.Dispose();
        if (Directory.Exists(TempFolder))
            Directory.Delete(TempFolder, recursive: true);
    }
}
