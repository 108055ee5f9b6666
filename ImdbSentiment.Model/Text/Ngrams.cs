namespace ImdbSentiment.Model.Text;

/// <summary>
/// A review's word n-grams of lengths 1 to n, each once, as the n-gram vocabulary and the n-gram branch see them: the
/// words of an n-gram joined by single spaces ("not", "not good", "not good at").
/// </summary>
internal static class Ngrams
{
    public const int LongestSupported = 3;

    /// <summary>Joins the words of an n-gram.</summary>
    public const string Separator = " ";

    public static string[] Distinct(IReadOnlyList<string> tokens, int length)
    {
        var ngrams = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < tokens.Count; start++)
        {
            var ngram = tokens[start];
            ngrams.Add(ngram);
            for (var end = start + 1; end < Math.Min(start + length, tokens.Count); end++)
            {
                ngram = string.Concat(ngram, Separator, tokens[end]);
                ngrams.Add(ngram);
            }
        }
        return [.. ngrams];
    }
}
