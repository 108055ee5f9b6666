using System.Buffers;
using System.Globalization;
using System.Text;

namespace ImdbSentiment.Trainer.Output;

/// <summary>
/// The one rule for input text (a review, a label or header from a file, a file's bytes, a request's path) shown on a
/// terminal or in a one-line result: every character that a terminal or a line reader acts on is shown escaped, so such
/// text can neither send an escape sequence (retitle the terminal, clear the screen) nor split or reorder a line.
/// Escaped: the C0 controls, DEL and the C1 controls (U+0085 NEL included) as \t, \n, \r or \xHH; the line and
/// paragraph separators U+2028 and U+2029, and the bidirectional overrides and isolates (U+202A..U+202E,
/// U+2066..U+2069, which can make text read differently from what it is), as \uHHHH.
/// </summary>
internal static class TerminalText
{
    private static readonly SearchValues<char> Acted = SearchValues.Create(
        [.. Range('\0', '\u001f'), .. Range('\u007f', '\u009f'), '\u2028', '\u2029', .. Range('\u202a', '\u202e'), .. Range('\u2066', '\u2069')]);

    /// <summary>The text with each control character shown escaped; the rest as it is.</summary>
    public static string Escape(string text) => Escape(text, keepLineBreaks: false);

    /// <param name="keepLineBreaks">Keep '\n' as a line break, for a view of a whole review over several lines.</param>
    public static string Escape(string text, bool keepLineBreaks)
    {
        var span = text.AsSpan();
        var next = span.IndexOfAny(Acted);
        if (next < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        while (next >= 0)
        {
            escaped.Append(span[..next]);
            var c = span[next];
            escaped.Append(c switch
            {
                '\n' when keepLineBreaks => "\n",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                <= '\u00ff' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:x2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:x4}"),
            });
            span = span[(next + 1)..];
            next = span.IndexOfAny(Acted);
        }
        return escaped.Append(span).ToString();
    }

    /// <summary>
    /// As <see cref="Escape(string)"/>, with backslashes doubled first, so that a field (predict's echo of a review)
    /// reads back to exactly the text it shows.
    /// </summary>
    public static string EscapeField(string text) => Escape(text.Replace(@"\", @"\\", StringComparison.Ordinal));

    private static IEnumerable<char> Range(char first, char last) => Enumerable.Range(first, last - first + 1).Select(c => (char)c);
}
