using System.Text;

namespace ImdbSentiment.Model.Data;

/// <summary>Guesses the separator of a delimited file from its first line.</summary>
internal static class SeparatorDetector
{
    /// <summary>
    /// Detects the separator from the first non-blank line of a text, reading no further than that line, and swaps
    /// <paramref name="text"/> for a reader that gives the whole text again from its start: the input is opened once,
    /// so a pipe works too.
    /// </summary>
    /// <remarks>
    /// It reads no more than <see cref="RecordLimit.MaxLength"/> characters: a longer first line is detected from its
    /// start, and the record reader then refuses it.
    /// </remarks>
    /// <exception cref="DataFormatException">The text has no line that is not blank.</exception>
    public static char DetectAtStart(ref TextReader text, string path)
    {
        var consumed = new StringBuilder();
        var lineStart = 0;
        var lineEnd = -1;
        while (consumed.Length <= RecordLimit.MaxLength && text.Read() is >= 0 and var c)
        {
            consumed.Append((char)c);
            if (c is not ('\r' or '\n'))
                continue;
            if (consumed.Length - 1 > lineStart)
            {
                lineEnd = consumed.Length - 1;
                break;
            }
            lineStart = consumed.Length;
        }
        var line = consumed.ToString(lineStart, (lineEnd >= 0 ? lineEnd : consumed.Length) - lineStart);
        text = new ReplayingTextReader(consumed.ToString(), text);
        // Only blank lines up to the limit: the record reader passes over them and names what follows.
        return line.Length == 0 && consumed.Length <= RecordLimit.MaxLength
            ? throw new DataFormatException(path, null, "the file is empty: expected delimited rows")
            : Detect(line);
    }

    /// <summary>
    /// Counts tabs, commas and semicolons outside quotes: a tab wins if there is one (review text rarely holds
    /// tabs), else a semicolon if there are more semicolons than commas, else a comma. A line that opens a quote it
    /// does not close and has no separator outside quotes is counted whole: a file that does not quote (a review that
    /// begins with an opening quote) is then found tab-separated all the same.
    /// </summary>
    public static char Detect(string firstLine)
    {
        var (tabs, commas, semicolons, unclosed) = Count(firstLine, quotesEnclose: true);
        if (unclosed && tabs + commas + semicolons == 0)
            (tabs, commas, semicolons, _) = Count(firstLine, quotesEnclose: false);
        return tabs > 0 ? '\t' : semicolons > commas ? ';' : ',';
    }

    private static (int Tabs, int Commas, int Semicolons, bool Unclosed) Count(string line, bool quotesEnclose)
    {
        int tabs = 0, commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in line)
        {
            switch (c)
            {
                case '"' when quotesEnclose: quoted = !quoted; break;
                case '\t' when !quoted: tabs++; break;
                case ',' when !quoted: commas++; break;
                case ';' when !quoted: semicolons++; break;
            }
        }
        return (tabs, commas, semicolons, quoted);
    }
}
