using ImdbSentiment.Model.Serving;

namespace ImdbSentiment.Tests.Serving;

[TestClass]
public sealed class ReviewKeySetTests
{
    [TestMethod]
    public void EachReview_KeepsTheFirstOfEachKey_AndForgetsTheReviewsBefore()
    {
        var set = new ReviewKeySet();
        var random = new Random(7);
        // Reviews of growing sizes, so the table grows between them; keys from a small range, so they repeat and collide.
        foreach (var size in new[] { 3, 700, 40, 5_000, 1, 2_600 })
        {
            var keys = Enumerable.Range(0, size).Select(_ => (long)random.Next(0, size) * (random.Next(2) == 0 ? 1 : 1L << 40)).ToArray();
            set.Start(size);
            var kept = keys.Where(set.Add).ToArray();
            CollectionAssert.AreEqual(keys.Distinct().ToArray(), kept, $"review of {size} keys");
        }
    }
}
