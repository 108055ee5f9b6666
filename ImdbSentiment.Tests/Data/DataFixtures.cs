using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace ImdbSentiment.Tests.Data;

/// <summary>A temporary folder for data-reader fixtures, deleted on dispose.</summary>
internal sealed class DataFixtures : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public DataFixtures() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "imdb-data-tests-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string relativePath) => Path.Combine(Folder, relativePath);

    /// <summary>Writes UTF-8 text exactly as given (no newline translation), with a byte order mark when asked.</summary>
    public string WriteText(string relativePath, string content, bool byteOrderMark = false)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, byteOrderMark ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : Utf8NoBom);
        return path;
    }

    /// <summary>Writes files (path inside the archive, content) into a gzip-compressed tar, in the order given.</summary>
    public string WriteTarGz(string relativePath, IEnumerable<(string EntryName, string Content)> entries)
    {
        var path = PathOf(relativePath);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (entryName, content) in entries)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream(Utf8NoBom.GetBytes(content)) };
            tar.WriteEntry(entry);
        }
        return path;
    }

    /// <summary>Writes the same files as a folder tree under <paramref name="relativeFolder"/>.</summary>
    public string WriteTree(string relativeFolder, IEnumerable<(string EntryName, string Content)> entries)
    {
        foreach (var (entryName, content) in entries)
            WriteText(Path.Combine(relativeFolder, entryName), content);
        return PathOf(relativeFolder);
    }

    /// <summary>The folder holding ImdbSentiment.sln, found by walking up from the test binaries.</summary>
    public static string? FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ImdbSentiment.sln")))
                return folder.FullName;
        }
        return null;
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}
