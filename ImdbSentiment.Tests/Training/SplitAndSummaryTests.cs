using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.Training;

[TestClass]
public sealed class SplitAndSummaryTests
{
    [TestMethod]
    public void Split_IsExact_Disjoint_Complete_AndTheSameForTheSameSeed()
    {
        var ml = new MLContext();
        var reviews = Enumerable.Range(0, 1000).Select(i => new LabeledReview { Text = $"review {i}", Label = i % 2 == 0 }).ToArray();
        var data = ml.Data.LoadFromEnumerable(reviews);

        var (training, validation) = TrainValidationSplit.Split(ml, data, reviews.Length, 0.2, seed: 42);
        var trainTexts = Texts(ml, training);
        var validationTexts = Texts(ml, validation);
        Assert.HasCount(800, trainTexts);
        Assert.HasCount(200, validationTexts);
        Assert.IsEmpty(trainTexts.Intersect(validationTexts));
        CollectionAssert.AreEquivalent(reviews.Select(r => r.Text).ToArray(), trainTexts.Concat(validationTexts).ToArray());

        var again = TrainValidationSplit.Split(ml, data, reviews.Length, 0.2, seed: 42).Validation;
        CollectionAssert.AreEqual(validationTexts, Texts(ml, again));
        var otherSeed = TrainValidationSplit.Split(ml, data, reviews.Length, 0.2, seed: 7).Validation;
        CollectionAssert.AreNotEquivalent(validationTexts, Texts(ml, otherSeed));
        CollectionAssert.AreNotEqual(validationTexts, reviews.Select(r => r.Text).Take(200).ToArray(), "the split must shuffle, not take the first rows");
    }

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(1.0)]
    public void Split_RejectsAFractionThatLeavesNothingOnOneSide(double fraction)
    {
        var ml = new MLContext();
        var data = ml.Data.LoadFromEnumerable(new[] { new LabeledReview { Text = "a" }, new LabeledReview { Text = "b" } });
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TrainValidationSplit.Split(ml, data, 2, fraction, seed: 1));
    }

    [TestMethod]
    public void Prepare_FitsTheVocabularyOnTheTrainingSplitOnly()
    {
        var ml = new MLContext(seed: 1);
        var training = new[] { new LabeledReview { Text = "good film", Label = true }, new LabeledReview { Text = "bad film", Label = false } };
        var validation = new[] { new LabeledReview { Text = "zeta zeta zeta film", Label = true } };
        var options = new SentimentTrainingOptions { Featurizer = new FeaturizerOptions { VocabularySize = 50, MaxLength = 5 } };

        var prepared = new SentimentTrainingPipeline(ml, options).Prepare(training, validation);

        var ids = prepared.FeaturizedValidation.GetColumn<VBuffer<long>>(ColumnNames.TokenIds).Single().DenseValues().ToArray();
        CollectionAssert.AreEqual(new long[] { 1, 2, 2, 2, 3 }, ids, "zeta is not a training word, film is the most frequent one");
    }

    [TestMethod]
    public void Summary_CountsLengthsOutOfVocabularyWordsAndTruncation()
    {
        var ml = new MLContext(seed: 1);
        var reviews = new[]
        {
            new LabeledReview { Text = "a a a b", Label = true },
            new LabeledReview { Text = "a c", Label = false },
            new LabeledReview { Text = "a a b b d e", Label = true },
        };
        var data = ml.Data.LoadFromEnumerable(reviews);
        // Vocabulary: a (6), b (3) -> c, d, e are out of vocabulary.
        var featurizer = new ReviewFeaturizerEstimator(ml, new FeaturizerOptions { VocabularySize = 5, MaxLength = 5 }).Fit(data);

        var summary = DataSummary.Compute(featurizer.Transform(data), maxLength: 5);

        Assert.AreEqual(3, summary.Count);
        Assert.AreEqual(2, summary.Positive);
        Assert.AreEqual(4.0, summary.MeanTokens, 1e-9);
        Assert.AreEqual(4.0, summary.MedianTokens, 1e-9);
        Assert.AreEqual(5.6, summary.Percentile90Tokens, 1e-9);
        Assert.AreEqual(6, summary.MaxTokens);
        Assert.AreEqual(3.0 / 12, summary.OutOfVocabularyRate, 1e-9);
        Assert.AreEqual(1.0 / 3, summary.TruncatedShare, 1e-9, "only the 6-word review exceeds 5 ids with its start id");
    }

    private static string[] Texts(MLContext ml, IDataView view) =>
        ml.Data.CreateEnumerable<LabeledReview>(view, reuseRowObject: false).Select(review => review.Text).ToArray();
}
