using System.Text;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// The lines of a reader, split as <see cref="TextReader.ReadLine"/> splits them, each at most
/// <see cref="RecordLimit.MaxLength"/> characters: a longer line is refused as soon as it passes the limit, so an endless
/// line on a pipe never fills memory.
/// </summary>
internal static class LimitedLines
{
    /// <param name="where">Names a 1-based line in the error, e.g. "standard input, line 3".</param>
    public static IEnumerable<string> Read(TextReader reader, Func<long, string> where)
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
                yield return Checked(line, number++, where);
                line.Clear();
                start = i + 1;
            }
            line.Append(buffer, start, read - start);
            Checked(line, number, where);
        }
        if (line.Length > 0)
            yield return line.ToString();
    }

    private static string Checked(StringBuilder line, long number, Func<long, string> where) =>
        line.Length <= RecordLimit.MaxLength
            ? line.ToString()
            : throw new UsageException($"{where(number)}: {RecordLimit.TooLong("the line")}: expected one review per line");
}
