namespace ImdbSentiment.Model.Data;

/// <summary>
/// A seeded train/validation split that keeps each group (movie) on one side, so validation measures what a test set of
/// unseen movies would: the groups in a seeded random order go to validation until it holds the asked share of reviews.
/// </summary>
internal static class GroupSplit
{
    public static (IReadOnlyList<LabeledReview> Training, IReadOnlyList<LabeledReview> Validation) Split(IReadOnlyList<LabeledReview> reviews, double validationFraction, int seed)
    {
        if (validationFraction is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation fraction must be between 0 and 1, e.g. 0.2.");
        if (!GroupSelection.EveryReviewHasAGroup(reviews))
            throw new ArgumentException("A group split needs every review's group: the aclImdb url lists give each review's movie, a CSV file its group column.", nameof(reviews));

        var sizes = GroupSelection.Sizes(reviews);
        var groups = sizes.Keys.Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(groups);
        var wanted = (int)Math.Round(reviews.Count * validationFraction);
        if (wanted >= 1 && GroupSelection.Take(reviews, sizes, groups, wanted) is { } split)
            return (split.Others, split.Taken);
        throw new ArgumentException($"{reviews.Count} reviews in {groups.Length} groups are too few to keep {validationFraction:P0} for validation and train on the rest.", nameof(reviews));
    }
}
