using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.Text;

[TestClass]
public sealed class NgramFeaturizerTests
{
    [TestMethod]
    public void Ngrams_AreEveryDistinctRunOfOneToNWords()
    {
        CollectionAssert.AreEquivalent(
            new[] { "not", "good", "not good", "at", "good at", "not good at", "all", "at all", "good at all" },
            Ngrams.Distinct(["not", "good", "at", "all"], 3));
        CollectionAssert.AreEquivalent(new[] { "bad", "bad bad" }, Ngrams.Distinct(["bad", "bad", "bad"], 2));
    }

    [TestMethod]
    public void Fit_GivesEachReviewItsVocabularyNgramIdsOnce_AfterThePaddingId_AndDropsTheRest()
    {
        var ml = new MLContext(seed: 1);
        LabeledReview[] reviews =
        [
            new() { Text = "not good not good", Label = false },
            new() { Text = "good good fun", Label = true },
            new() { Text = "unseen words", Label = true },
        ];
        var data = ml.Data.LoadFromEnumerable(reviews);
        // Reviews an n-gram appears in: good 2, good good 1, not 1, not good 1, good not 1, fun 1, good fun 1, unseen 1,
        // words 1, unseen words 1; the 3 ids after the padding id go to good, then "fun" and "good fun" (ordinal order).
        var featurizer = new ReviewFeaturizerEstimator(ml, new FeaturizerOptions { VocabularySize = 10, MaxLength = 5, NgramLength = 2, NgramVocabularySize = 4 }).Fit(data);

        var ngramIds = featurizer.Transform(data).GetColumn<VBuffer<long>>(ColumnNames.NgramIds).Select(b => b.DenseValues().ToArray()).ToList();

        CollectionAssert.AreEquivalent(new long[] { NgramIds.PaddingId, 1 }, ngramIds[0]);
        CollectionAssert.AreEquivalent(new long[] { NgramIds.PaddingId, 1, 2, 3 }, ngramIds[1]);
        CollectionAssert.AreEqual(new long[] { NgramIds.PaddingId }, ngramIds[2], "a review of unknown n-grams still has the padding id");
    }

    [TestMethod]
    public void Fit_WithoutNgrams_AddsNoNgramColumn()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new LabeledReview { Text = "good", Label = true } });
        var featurized = new ReviewFeaturizerEstimator(ml, new FeaturizerOptions { VocabularySize = 5 }).Fit(data).Transform(data);

        Assert.IsNull(featurized.Schema.GetColumnOrNull(ColumnNames.NgramIds));
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(4)]
    public void Options_RejectNgramLengthsOutsideZeroToThree(int length) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new FeaturizerOptions { NgramLength = length }.Validate());
}
