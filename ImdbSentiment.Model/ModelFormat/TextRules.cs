using System.Globalization;
using System.Text;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.ModelFormat;

/// <summary>
/// <see cref="ReviewTokenizer"/>'s rules written out for other languages: the line-break pattern, the lower-casing as
/// an explicit table and the word characters as an explicit regular-expression class, both computed from the
/// tokenizer's own predicates over every UTF-16 code unit, so that no other runtime's Unicode tables are relied on.
/// </summary>
internal static class TextRules
{
    /// <summary>The tokenizer's word characters in Unicode-class notation (for readers; <see cref="TokenPattern"/> is exact).</summary>
    public const string ReadableTokenPattern = @"[\p{L}\p{Nd}']+";

    public static string LineBreakPattern => ReviewTokenizer.LineBreakPattern;

    /// <summary>
    /// One or more word characters, as ranges of \uXXXX escapes that Python's re, Java, .NET and JavaScript all read
    /// alike. A character above U+FFFF is never a word character: the tokenizer sees its two surrogates, which are not.
    /// </summary>
    public static string TokenPattern { get; } = BuildTokenPattern();

    /// <summary>The word characters that lower-casing changes, and what each becomes (same positions).</summary>
    public static (string From, string To) Lowercase { get; } = BuildLowercase();

    private static string BuildTokenPattern()
    {
        var pattern = new StringBuilder("[");
        var c = 0;
        while (c <= char.MaxValue)
        {
            if (!ReviewTokenizer.IsWordCharacter((char)c))
            {
                c++;
                continue;
            }
            var first = c;
            while (c + 1 <= char.MaxValue && ReviewTokenizer.IsWordCharacter((char)(c + 1)))
                c++;
            pattern.Append(Escape(first));
            if (c > first)
                pattern.Append('-').Append(Escape(c));
            c++;
        }
        return pattern.Append("]+").ToString();
    }

    private static (string From, string To) BuildLowercase()
    {
        var from = new StringBuilder();
        var to = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var character = (char)c;
            if (ReviewTokenizer.IsWordCharacter(character) && ReviewTokenizer.Lower(character) != character)
            {
                from.Append(character);
                to.Append(ReviewTokenizer.Lower(character));
            }
        }
        return (from.ToString(), to.ToString());
    }

    private static string Escape(int codeUnit) => string.Create(CultureInfo.InvariantCulture, $@"\u{codeUnit:x4}");
}
