using ImdbSentiment.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Training;

/// <summary>What a featurized split holds: size, class balance, review lengths in words, OOV rate and truncation.</summary>
public sealed record DataSummary(
    int Count, int Positive, double MeanTokens, double MedianTokens, double Percentile90Tokens, int MaxTokens,
    double OutOfVocabularyRate, double TruncatedShare, int MaxLength, IReadOnlyList<int> TokenCounts)
{
    public int Negative => Count - Positive;

    /// <summary>Reads the Tokens and TokenKeys columns the featurizer leaves in its output.</summary>
    public static DataSummary Compute(IDataView featurized, int maxLength)
    {
        var tokensColumn = featurized.Schema[ColumnNames.Tokens];
        var keysColumn = featurized.Schema[ColumnNames.TokenKeys];
        var labelColumn = featurized.Schema[ColumnNames.Label];
        using var cursor = featurized.GetRowCursor([tokensColumn, keysColumn, labelColumn]);
        var getKeys = cursor.GetGetter<VBuffer<uint>>(keysColumn);
        var getLabel = cursor.GetGetter<bool>(labelColumn);
        var keys = default(VBuffer<uint>);
        var label = false;
        var counts = new List<int>();
        long positive = 0, tokens = 0, outOfVocabulary = 0, truncated = 0;
        while (cursor.MoveNext())
        {
            getKeys(ref keys);
            getLabel(ref label);
            var length = keys.Length;
            counts.Add(length);
            tokens += length;
            foreach (var key in keys.GetValues())
                outOfVocabulary += key == 0 ? 1 : 0;
            positive += label ? 1 : 0;
            // The start id makes a sequence one longer than its words.
            truncated += length + 1 > maxLength ? 1 : 0;
        }

        if (counts.Count == 0)
            throw new InvalidOperationException("There are no reviews to summarise.");

        var sorted = counts.Order().ToArray();
        return new DataSummary(
            counts.Count, (int)positive, (double)tokens / counts.Count, Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[^1],
            tokens == 0 ? 0 : (double)outOfVocabulary / tokens, (double)truncated / counts.Count, maxLength, counts);
    }

    // Linear interpolation between closest ranks, as numpy's default percentile.
    private static double Percentile(int[] sorted, double fraction)
    {
        var position = (sorted.Length - 1) * fraction;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
