using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class MovieSplitTests
{
    // 300 movies with 1 to 30 reviews each, about 4,650 reviews.
    private static LabeledReview[] Reviews(int seed = 5)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 300)
            .SelectMany(movie => Enumerable.Range(0, 1 + movie % 30).Select(i => new LabeledReview { Text = $"review {i} of movie {movie}", Label = random.Next(2) == 0, Group = $"tt{movie:D7}" }))
            .ToArray();
    }

    [TestMethod]
    public void DevelopmentTestSet_HoldsWholeMovies_AtLeastTheSize_AndIsTheSameWhateverTheOrder()
    {
        var reviews = Reviews();
        var (remaining, held) = DevelopmentTestSet.Split(reviews, size: 1000);

        Assert.AreEqual(reviews.Length, remaining.Count + held.Count);
        Assert.IsGreaterThanOrEqualTo(1000, held.Count);
        Assert.IsLessThan(1030, held.Count, "it stops at the first movie that reaches the size");
        var heldMovies = held.Select(r => r.Group).ToHashSet();
        Assert.IsFalse(remaining.Any(r => heldMovies.Contains(r.Group)), "no movie is on both sides");

        var shuffled = reviews.OrderBy(_ => Random.Shared.Next()).ToArray();
        var heldAgain = DevelopmentTestSet.Split(shuffled, size: 1000).DevelopmentTest.Select(r => r.Text).ToHashSet();
        Assert.IsTrue(heldAgain.SetEquals(held.Select(r => r.Text)), "the set depends on the movies alone, not on the order of the reviews");
    }

    [TestMethod]
    public void DevelopmentTestSet_WithoutMovies_IsRefused()
    {
        var reviews = Reviews().Select(r => new LabeledReview { Text = r.Text, Label = r.Label }).ToArray();

        var error = Assert.ThrowsExactly<ArgumentException>(() => DevelopmentTestSet.Split(reviews));
        Assert.Contains("movie", error.Message);
    }

    [TestMethod]
    public void GroupSplit_KeepsEachMovieOnOneSide_TheShare_AndTheSeed()
    {
        var reviews = Reviews();
        var (training, validation) = GroupSplit.Split(reviews, 0.2, seed: 42);

        Assert.AreEqual(reviews.Length, training.Count + validation.Count);
        var validationMovies = validation.Select(r => r.Group).ToHashSet();
        Assert.IsFalse(training.Any(r => validationMovies.Contains(r.Group)));
        Assert.AreEqual(0.2, validation.Count / (double)reviews.Length, 0.01);

        var again = GroupSplit.Split(reviews, 0.2, seed: 42).Validation.Select(r => r.Text);
        var otherSeed = GroupSplit.Split(reviews, 0.2, seed: 7).Validation.Select(r => r.Text);
        CollectionAssert.AreEqual(validation.Select(r => r.Text).ToArray(), again.ToArray());
        CollectionAssert.AreNotEquivalent(validation.Select(r => r.Text).ToArray(), otherSeed.ToArray());
    }

    [TestMethod]
    public void GroupSplit_OneGroup_IsTooFew()
    {
        var reviews = Enumerable.Range(0, 10).Select(i => new LabeledReview { Text = $"r{i}", Group = "one" }).ToArray();

        var error = Assert.ThrowsExactly<ArgumentException>(() => GroupSplit.Split(reviews, 0.2, seed: 1));
        Assert.Contains("too few", error.Message);
    }
}
