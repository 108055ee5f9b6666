using System.Formats.Tar;
using System.IO.Compression;

namespace ImdbSentiment.Model.Data;

/// <summary>An aclImdb .tar.gz read as a stream, without extracting it.</summary>
internal sealed class AclImdbArchive(string path) : IAclImdbSource
{
    public AclImdbContents ReadAll(bool unlabelled)
    {
        try
        {
            return Read(unlabelled);
        }
        catch (EndOfStreamException)
        {
            throw new DataFormatException(path, null, "the archive ends before its last entry does (a download or copy cut short?): expected a whole aclImdb .tar.gz");
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException)
        {
            throw new DataFormatException(path, null, IsGzip()
                ? $"not a readable .tar.gz ({exception.Message.TrimEnd('.')}): expected an aclImdb .tar.gz"
                : "not gzip-compressed, though its name ends in .tar.gz or .tgz: expected an aclImdb archive (a CSV or TSV file is read as one under any other name)");
        }
    }

    private bool IsGzip()
    {
        Span<byte> magic = stackalloc byte[2];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic is [0x1f, 0x8b];
    }

    private AclImdbContents Read(bool unlabelled)
    {
        var contents = new AclImdbContents([], []);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                continue;
            if (AclImdbLayout.TryParseReview(entry.Name, out var split, out var classFolder, out var label, out var fileName))
            {
                if (label is null && !unlabelled)
                    continue;
                var text = ReadText(entry, RecordLimit.MaxLength, "one review");
                if (string.IsNullOrWhiteSpace(text))
                    throw new DataFormatException(path, null, $"entry '{entry.Name}' is an empty review: expected the text of a review");
                contents.Reviews.Add(new AclImdbReviewFile(split, classFolder, fileName, label, text));
            }
            else if (AclImdbLayout.TryParseUrlList(entry.Name, out split, out classFolder))
            {
                contents.UrlLists[(split, classFolder)] = ReadText(entry, RecordLimit.MaxUrlListBytes, "one url list").Split('\n', StringSplitOptions.TrimEntries);
            }
        }
        return contents;
    }

    // The size is checked before anything is read: an entry that inflates to gigabytes is refused by its header. The
    // bytes the header claims are then read exactly: an archive cut inside an entry's data ends that entry's stream early
    // without an error of the tar reader's, and would give a short or empty review (EndOfStreamException instead).
    private string ReadText(TarEntry entry, int limit, string what)
    {
        if (entry.DataStream is null || entry.Length == 0)
            return "";
        if (entry.Length > limit)
            throw new DataFormatException(path, null, RecordLimit.FileTooLong($"entry '{entry.Name}'", entry.Length, limit, what));
        var bytes = new byte[entry.Length];
        entry.DataStream.ReadExactly(bytes);
        return RecordLimit.ReadText(new MemoryStream(bytes), limit)!;
    }
}
