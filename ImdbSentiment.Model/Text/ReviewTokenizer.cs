namespace ImdbSentiment.Model.Text;

/// <summary>
/// Splits a review into lower-case words in one pass: HTML line breaks (&lt;br /&gt;) and every character that is not a
/// letter, a digit or an apostrophe separate words, as Keras's Tokenizer filters do.
/// </summary>
public static class ReviewTokenizer
{
    public static string[] Tokenize(string text)
    {
        var spans = WordSpans(text);
        var tokens = new string[spans.Count];
        for (var i = 0; i < tokens.Length; i++)
            tokens[i] = Word(text, spans[i]);
        return tokens;
    }

    /// <summary>
    /// Where the words of <see cref="Tokenize"/> are in the text, in the same order: token i is span i in lower case.
    /// Lets a caller show a token in the review's own spelling (explain colours the original text).
    /// </summary>
    public static IReadOnlyList<WordSpan> WordSpans(string text)
    {
        var spans = new List<WordSpan>(text.Length / 5);
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                if (start < 0)
                    start = i;
                continue;
            }

            if (start >= 0)
            {
                spans.Add(new WordSpan(start, i - start));
                start = -1;
            }

            if (c == '<' && IsLineBreakTag(text, i, out var tagLength))
                i += tagLength - 1;
        }

        if (start >= 0)
            spans.Add(new WordSpan(start, text.Length - start));
        return spans;
    }

    /// <summary>The token a span stands for: its characters in lower case.</summary>
    public static string Word(string text, WordSpan span) =>
        string.Create(span.Length, (text, span.Start), static (word, state) =>
        {
            for (var i = 0; i < word.Length; i++)
                word[i] = char.ToLowerInvariant(state.text[state.Start + i]);
        });

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

/// <summary>A word's place in a review: <see cref="Length"/> characters from <see cref="Start"/>.</summary>
public readonly record struct WordSpan(int Start, int Length)
{
    public int End => Start + Length;
}
