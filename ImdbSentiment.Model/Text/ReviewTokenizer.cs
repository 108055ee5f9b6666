using System.Text;

namespace ImdbSentiment.Model.Text;

/// <summary>
/// Splits a review into lower-case words in one pass: HTML line breaks (&lt;br /&gt;) and every character that is not a
/// letter, a digit or an apostrophe separate words, as Keras's Tokenizer filters do.
/// </summary>
internal static class ReviewTokenizer
{
    public static string[] Tokenize(string text)
    {
        var tokens = new List<string>(text.Length / 5);
        var word = new StringBuilder(16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWordCharacter(c))
            {
                word.Append(Lower(c));
                continue;
            }

            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }

            if (c == '<' && IsLineBreakTag(text, i, out var tagLength))
                i += tagLength - 1;
        }

        if (word.Length > 0)
            tokens.Add(word.ToString());
        return [.. tokens];
    }

    /// <summary>Letters (Unicode Lu, Ll, Lt, Lm, Lo), decimal digits (Nd) and the apostrophe, one UTF-16 code unit at a time.</summary>
    internal static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '\'';

    internal static char Lower(char c) => char.ToLowerInvariant(c);

    /// <summary>What <see cref="IsLineBreakTag"/> matches, as a regular expression without flags.</summary>
    internal const string LineBreakPattern = "<[Bb][Rr] */?>";

    // Matches <br>, <br/> and <br /> in any case.
    private static bool IsLineBreakTag(string text, int start, out int length)
    {
        length = 0;
        if (string.Compare(text, start, "<br", 0, 3, StringComparison.OrdinalIgnoreCase) != 0)
            return false;

        var i = start + 3;
        while (i < text.Length && text[i] == ' ')
            i++;
        if (i < text.Length && text[i] == '/')
            i++;
        if (i >= text.Length || text[i] != '>')
            return false;

        length = i - start + 1;
        return true;
    }
}
