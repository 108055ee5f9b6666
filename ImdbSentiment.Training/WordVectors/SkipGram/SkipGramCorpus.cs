using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Training.WordVectors.SkipGram;

/// <summary>
/// Reviews as word indices for skip-gram training: the words seen at least min-count times, most frequent first (ties
/// in ordinal order), and every review's kept words in order, words below the count left out. Words are the product's
/// own tokens (<see cref="ReviewTokenizer"/>: lower case, HTML line breaks and punctuation split words), so they match
/// the featurizer's vocabulary. Context windows never cross from one review to the next.
/// </summary>
public sealed class SkipGramCorpus
{
    private SkipGramCorpus(IReadOnlyList<string> words, long[] counts, int[] tokens, int[] reviewStarts, long tokensRead)
    {
        Words = words;
        Counts = counts;
        Tokens = tokens;
        ReviewStarts = reviewStarts;
        TokensRead = tokensRead;
    }

    /// <summary>The vocabulary, most frequent first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>How often each word of <see cref="Words"/> occurs.</summary>
    public long[] Counts { get; }

    /// <summary>Every review's words as indices into <see cref="Words"/>, one review after another.</summary>
    public int[] Tokens { get; }

    /// <summary>Where each review starts in <see cref="Tokens"/>, with <see cref="Tokens"/>' length last.</summary>
    public int[] ReviewStarts { get; }

    public int ReviewCount => ReviewStarts.Length - 1;

    /// <summary>All the tokens of the reviews, those below the min-count included.</summary>
    public long TokensRead { get; }

    /// <summary>Reads the texts twice (count, then encode), so no review's tokens are held as strings.</summary>
    public static SkipGramCorpus Build(IReadOnlyList<string> texts, int minCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var countLookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = new char[64];
        long tokensRead = 0;
        foreach (var text in texts)
        {
            foreach (var word in LowerCaseWords(text, buffer))
            {
                tokensRead++;
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(countLookup, word.Span, out _);
                count++;
            }
        }

        var kept = counts.Where(pair => pair.Value >= minCount)
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToArray();
        var indices = kept.Select((pair, index) => (pair.Key, index)).ToDictionary(entry => entry.Key, entry => entry.index, StringComparer.Ordinal);
        var indexLookup = indices.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokens = new List<int>(checked((int)Math.Min(tokensRead, int.MaxValue)));
        var starts = new int[texts.Count + 1];
        for (var review = 0; review < texts.Count; review++)
        {
            starts[review] = tokens.Count;
            foreach (var word in LowerCaseWords(texts[review], buffer))
            {
                if (indexLookup.TryGetValue(word.Span, out var index))
                    tokens.Add(index);
            }
        }

        starts[^1] = tokens.Count;
        return new SkipGramCorpus([.. kept.Select(pair => pair.Key)], [.. kept.Select(pair => pair.Value)], [.. tokens], starts, tokensRead);
    }

    /// <summary>The text's tokens as <see cref="ReviewTokenizer.Tokenize"/> gives them, each lower-cased into <paramref name="buffer"/> (valid until the next).</summary>
    private static IEnumerable<ReadOnlyMemory<char>> LowerCaseWords(string text, char[] buffer)
    {
        var spans = ReviewTokenizer.WordSpans(text);
        foreach (var span in spans)
        {
            if (span.Length > buffer.Length)
                buffer = new char[span.Length * 2];
            for (var i = 0; i < span.Length; i++)
                buffer[i] = ReviewTokenizer.Lower(text[span.Start + i]);
            yield return buffer.AsMemory(0, span.Length);
        }
    }
}
