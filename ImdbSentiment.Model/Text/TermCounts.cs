namespace ImdbSentiment.Model.Text;

/// <summary>The most frequent terms of some documents, as the word and n-gram vocabularies choose them.</summary>
internal static class TermCounts
{
    /// <summary>
    /// Ranks terms by total count, most frequent first; equal counts are ordered by ordinal string comparison so the same
    /// data always gives the same ids.
    /// </summary>
    public static string[] MostFrequent(IEnumerable<IEnumerable<string>> documents, int take)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var document in documents)
            foreach (var term in document)
                counts[term] = counts.GetValueOrDefault(term) + 1;

        return counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(take)
            .Select(pair => pair.Key)
            .ToArray();
    }
}
