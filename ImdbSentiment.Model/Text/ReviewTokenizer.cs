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
        var words = new WordScanner(text);
        while (words.Next(out var span))
            tokens.Add(Word(text, span));
        return [.. tokens];
    }

    /// <summary>
    /// Where the words of <see cref="Tokenize"/> are in the text, in the same order: token i is span i in lower case.
    /// Lets a caller show a token in the review's own spelling (explain colours the original text).
    /// </summary>
    public static IReadOnlyList<WordSpan> WordSpans(string text)
    {
        var spans = new List<WordSpan>(text.Length / 5);
        var words = new WordScanner(text);
        while (words.Next(out var span))
            spans.Add(span);
        return spans;
    }

    /// <summary>The token a span stands for: its characters in lower case.</summary>
    public static string Word(string text, WordSpan span) =>
        string.Create(span.Length, (text, span.Start), static (word, state) =>
        {
            for (var i = 0; i < word.Length; i++)
                word[i] = Lower(state.text[state.Start + i]);
        });

    /// <summary>Letters (Unicode Lu, Ll, Lt, Lm, Lo), decimal digits (Nd) and the apostrophe, one UTF-16 code unit at a time.</summary>
    internal static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '\'';

    internal static char Lower(char c) => char.ToLowerInvariant(c);

    /// <summary>What <see cref="IsLineBreakTag"/> matches, as a regular expression without flags.</summary>
    internal const string LineBreakPattern = "<[Bb][Rr] */?>";

    /// <summary>
    /// One pass over the text, a word at a time, so that tokens, spans and the batch scorer's id lookup (which reads
    /// each word in place rather than as a string) all come from the same rule.
    /// </summary>
    internal ref struct WordScanner(string text)
    {
        private int _position;

        public bool Next(out WordSpan span)
        {
            // A local rather than the field in the loop: the JIT keeps it in a register.
            var position = _position;
            var start = -1;
            for (; position < text.Length; position++)
            {
                var c = text[position];
                if (IsWordCharacter(c))
                {
                    if (start < 0)
                        start = position;
                    continue;
                }

                if (start >= 0)
                    break;

                if (c == '<' && IsLineBreakTag(text, position, out var tagLength))
                    position += tagLength - 1;
            }

            _position = position;
            span = start >= 0 ? new WordSpan(start, position - start) : default;
            return start >= 0;
        }
    }

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
