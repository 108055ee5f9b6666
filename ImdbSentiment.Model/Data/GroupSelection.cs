namespace ImdbSentiment.Model.Data;

/// <summary>What the movie-disjoint splits share: whole groups, taken in a given order until they hold enough reviews.</summary>
internal static class GroupSelection
{
    public static bool EveryReviewHasAGroup(IReadOnlyList<LabeledReview> reviews) => reviews.All(review => review.Group.Length > 0);

    /// <summary>The review count of each group.</summary>
    public static Dictionary<string, int> Sizes(IReadOnlyList<LabeledReview> reviews) =>
        reviews.GroupBy(review => review.Group).ToDictionary(group => group.Key, group => group.Count());

    /// <summary>
    /// Groups in <paramref name="order"/> go to the taken side until it holds at least <paramref name="wanted"/> reviews;
    /// null when that would leave no review on the other side.
    /// </summary>
    public static (IReadOnlyList<LabeledReview> Others, IReadOnlyList<LabeledReview> Taken)? Take(
        IReadOnlyList<LabeledReview> reviews, IReadOnlyDictionary<string, int> sizes, IEnumerable<string> order, int wanted)
    {
        var taken = new HashSet<string>();
        var count = 0;
        foreach (var group in order)
        {
            if (count >= wanted)
                break;
            taken.Add(group);
            count += sizes[group];
        }

        return count >= reviews.Count
            ? null
            : (reviews.Where(review => !taken.Contains(review.Group)).ToList(), reviews.Where(review => taken.Contains(review.Group)).ToList());
    }
}
