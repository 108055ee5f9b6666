using System.Text;

namespace ImdbSentiment.Model.Data;

/// <summary>
/// The lines of a reader, split as <see cref="TextReader.ReadLine"/> splits them, each at most
/// <see cref="RecordLimit.MaxLength"/> characters: a longer line is refused as soon as it passes the limit, so an endless
/// line on a pipe never fills memory.
/// </summary>
internal static class LimitedLines
{
    /// <param name="tooLong">The error for a line over the limit, given its 1-based number.</param>
    public static IEnumerable<string> Read(TextReader reader, Func<long, Exception> tooLong)
    {
        var buffer = new char[1 << 16];
        var line = new StringBuilder();
        var number = 1L;
        var afterCarriageReturn = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n' && afterCarriageReturn)
                {
                    afterCarriageReturn = false;
                    start = i + 1;
                    continue;
                }
                afterCarriageReturn = c == '\r';
                if (c is not ('\r' or '\n'))
                    continue;
                line.Append(buffer, start, i - start);
                yield return Checked(line, number++, tooLong);
                line.Clear();
                start = i + 1;
            }
            line.Append(buffer, start, read - start);
            Checked(line, number, tooLong);
        }
        if (line.Length > 0)
            yield return line.ToString();
    }

    private static string Checked(StringBuilder line, long number, Func<long, Exception> tooLong) =>
        line.Length <= RecordLimit.MaxLength ? line.ToString() : throw tooLong(number);
}
