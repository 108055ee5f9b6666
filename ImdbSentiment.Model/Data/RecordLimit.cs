using System.Globalization;
using System.Text;

namespace ImdbSentiment.Model.Data;

/// <summary>
/// The most one record may hold: 1 MiB, counted in characters for a CSV/TSV record (quoted line breaks included) and a
/// line of standard input, in bytes for an aclImdb review file and an explained file. It is 70 times the longest
/// aclImdb review (14,282 bytes), and it bounds memory whatever the input: no reader holds more than this of one
/// record, so an endless device or a file without line breaks is refused after 1 MiB instead of filling memory.
/// </summary>
public static class RecordLimit
{
    public const int MaxLength = 1 << 20;

    /// <summary>The most bytes one aclImdb url list (one movie page a line, 2.4 MB for the 50,000 unlabelled reviews) may hold.</summary>
    public const int MaxUrlListBytes = 16 << 20;

    /// <summary>The problem of a record over the limit, for an error or a skipped row.</summary>
    internal static string RecordTooLong { get; } = TooLong("the record");

    /// <summary>"{subject} is longer than 1,048,576 characters, ...", for a record or a line over the limit.</summary>
    internal static string TooLong(string subject) =>
        string.Create(CultureInfo.InvariantCulture, $"{subject} is longer than {MaxLength:N0} characters, the most one record may hold (a review is rarely over 15,000)");

    /// <summary>The problem of a file over <paramref name="limit"/>: "the file is 2,097,152 bytes, over the 1,048,576-byte limit of one review".</summary>
    /// <param name="bytes">Its size, or null when it claims none (a device, a FIFO) and was found longer by reading.</param>
    internal static string FileTooLong(string subject, long? bytes, long limit, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{subject} is {(bytes is { } size ? $"{size:N0} bytes, over" : "over")} the {limit:N0}-byte limit of {what}");

    /// <summary>A small text file, read as <see cref="ReadText"/> reads; null when it is over <paramref name="limit"/> bytes.</summary>
    /// <param name="length">The size the file claims, or null when it claims none (a device, a FIFO, an empty file).</param>
    internal static string? ReadFile(string path, int limit, out long? length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        length = stream.CanSeek && stream.Length > 0 ? stream.Length : null;
        return length > limit ? null : ReadText(stream, limit);
    }

    /// <summary>
    /// The whole of a small text file or stream, as UTF-8 or as its byte order mark says, reading at most
    /// <paramref name="limit"/> + 1 bytes whatever length the file claims (a device or a FIFO claims none).
    /// </summary>
    /// <returns>Null when the stream holds more than <paramref name="limit"/> bytes.</returns>
    internal static string? ReadText(Stream stream, int limit)
    {
        var buffer = new byte[Math.Min(limit + 1, 1 << 16)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                    return null;
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, limit + 1));
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
                break;
            length += read;
        }
        if (length > limit)
            return null;
        using var text = new StreamReader(new MemoryStream(buffer, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return text.ReadToEnd();
    }
}
