using System.Text;

namespace ImdbSentiment.Model.Text;

/// <summary>
/// Lower-cases a review, turns HTML line breaks into spaces and every character that is not a letter,
/// a digit or an apostrophe into a space, so that splitting on spaces gives Keras-Tokenizer-like words.
/// </summary>
public static class ReviewTextNormalizer
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsLineBreakTag(text, i, out var tagLength))
            {
                builder.Append(' ');
                i += tagLength - 1;
                continue;
            }

            var c = text[i];
            builder.Append(char.IsLetterOrDigit(c) || c == '\'' ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString();
    }

    // Matches <br>, <br/> and <br /> in any case.
    private static bool IsLineBreakTag(string text, int start, out int length)
    {
        length = 0;
        if (text[start] != '<' || string.Compare(text, start, "<br", 0, 3, StringComparison.OrdinalIgnoreCase) != 0)
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
