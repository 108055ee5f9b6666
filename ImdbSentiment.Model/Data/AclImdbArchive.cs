using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace ImdbSentiment.Model.Data;

/// <summary>An aclImdb .tar.gz read as a stream, without extracting it.</summary>
internal sealed class AclImdbArchive(string path) : IAclImdbSource
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public IReadOnlySet<string> FindSplits()
    {
        var classesBySplit = new Dictionary<string, HashSet<bool>>();
        foreach (var entry in ReviewEntries())
        {
            if (!classesBySplit.TryGetValue(entry.Split, out var classes))
                classesBySplit[entry.Split] = classes = [];
            classes.Add(entry.Label);
        }
        return classesBySplit.Where(pair => pair.Value.Count == AclImdbLayout.Classes.Count).Select(pair => pair.Key).ToHashSet();
    }

    public List<AclImdbReviewFile> ReadSplit(string split)
    {
        var reviews = new List<AclImdbReviewFile>();
        var buffer = new byte[64 * 1024];
        foreach (var (entry, entrySplit, label, fileName) in ReviewEntries())
        {
            if (entrySplit != split)
                continue;
            var text = ReadText(entry, ref buffer);
            if (string.IsNullOrWhiteSpace(text))
                throw new DataFormatException(path, null, $"entry '{entry.Name}' is an empty review: expected the text of a review");
            reviews.Add(new AclImdbReviewFile(fileName, label, text));
        }
        return reviews;
    }

    /// <summary>The review entries in archive order; each entry's data can only be read before the next one is taken.</summary>
    private IEnumerable<(TarEntry Entry, string Split, bool Label, string FileName)> ReviewEntries()
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                && AclImdbLayout.TryParseEntry(entry.Name, out var split, out var label, out var fileName))
                yield return (entry, split, label, fileName);
        }
    }

    private static string ReadText(TarEntry entry, ref byte[] buffer)
    {
        if (entry.DataStream is null || entry.Length == 0)
            return "";
        var length = checked((int)entry.Length);
        if (buffer.Length < length)
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        entry.DataStream.ReadExactly(buffer, 0, length);
        var bytes = buffer.AsSpan(0, length);
        return Utf8.GetString(bytes.StartsWith(Utf8.Preamble) ? bytes[Utf8.Preamble.Length..] : bytes);
    }
}
