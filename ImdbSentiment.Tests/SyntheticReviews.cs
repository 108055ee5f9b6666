using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests;

/// <summary>Small, learnable review sets: positive reviews lean on positive words, negative ones on negative words.</summary>
internal static class SyntheticReviews
{
    private static readonly string[] Positive = ["great", "wonderful", "loved", "brilliant", "superb", "enjoyable", "masterpiece"];
    private static readonly string[] Negative = ["awful", "boring", "dull", "waste", "terrible", "worst", "bad"];
    private static readonly string[] Neutral = ["the", "movie", "film", "a", "plot", "actor", "scene", "and", "was", "it", "story", "ending"];

    public static LabeledReview[] Create(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var positive = i % 2 == 0;
            var length = random.Next(5, 40);
            var words = Enumerable.Range(0, length).Select(_ => random.NextDouble() < 0.25
                ? Pick(random, positive ^ (random.NextDouble() < 0.15) ? Positive : Negative)
                : Pick(random, Neutral));
            return new LabeledReview { Text = string.Join(' ', words) + ".", Label = positive };
        }).ToArray();
    }

    /// <summary>The reviews as tab-separated lines of text and label (1 or 0), without a header.</summary>
    public static string Tsv(int count, int seed) => string.Concat(Create(count, seed).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n"));

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
