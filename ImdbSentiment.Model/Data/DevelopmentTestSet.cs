namespace ImdbSentiment.Model.Data;

/// <summary>
/// The fixed development-test set: about <see cref="DefaultSize"/> labelled reviews (a fifth of a smaller data set) of
/// movies that appear nowhere else,
/// chosen by the movies' stable hashes alone, so no seed, recipe or run can move a review in or out of it. It mimics the
/// official test split (whose movies are disjoint from the training movies) and is never used for early stopping,
/// the vocabulary or choosing variants: only for the figures reported at the end.
/// </summary>
internal static class DevelopmentTestSet
{
    public const int DefaultSize = 5_000;

    /// <summary>
    /// Movies in hash order until they hold at least <paramref name="size"/> reviews (default: 5,000, or a fifth of
    /// fewer than 25,000 reviews) go to the development-test set.
    /// </summary>
    /// <exception cref="ArgumentException">A review has no group (movie), or the groups cannot leave reviews on both sides.</exception>
    public static (IReadOnlyList<LabeledReview> Remaining, IReadOnlyList<LabeledReview> DevelopmentTest) Split(IReadOnlyList<LabeledReview> reviews, int? size = null)
    {
        var wanted = size ?? Math.Max(1, Math.Min(DefaultSize, reviews.Count / 5));
        ArgumentOutOfRangeException.ThrowIfLessThan(wanted, 1, nameof(size));
        if (!GroupSelection.EveryReviewHasAGroup(reviews))
            throw new ArgumentException("Every review needs its movie (group) to hold out a movie-disjoint development-test set; the aclImdb url lists give it.", nameof(reviews));

        var sizes = GroupSelection.Sizes(reviews);
        var order = sizes.Keys.OrderBy(GroupHash.Of).ThenBy(group => group, StringComparer.Ordinal);
        return GroupSelection.Take(reviews, sizes, order, wanted)
            ?? throw new ArgumentException($"{reviews.Count} reviews of {sizes.Count} movies are too few to hold out {wanted} for development-test and train on the rest.", nameof(reviews));
    }

    /// <summary>
    /// The unlabelled texts that are not also a development-test review's text: aclImdb's unlabelled reviews are of other
    /// movies, but 79 of their texts are development-test reviews too, and no development-test text may reach training.
    /// </summary>
    public static IReadOnlyList<string> WithoutTextsOf(IReadOnlyList<string> unlabelled, IReadOnlyList<LabeledReview> developmentTest)
    {
        var held = developmentTest.Select(review => review.Text).ToHashSet(StringComparer.Ordinal);
        return [.. unlabelled.Where(text => !held.Contains(text))];
    }
}
