using ImdbSentiment.Model;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>What the trainer reads from its input: the featurizer's id ranges, the label column, and the validation set it is given.</summary>
[TestClass]
public sealed class TrainerInputTests
{
    [TestMethod]
    public void IdRanges_ComeFromTheFeaturizersSchema()
    {
        var data = new FeaturizedData(300, seed: 3, ngramLength: 2);
        var inputs = NetworkInputs.FromSchema(data.Featurized.Schema);

        // The synthetic reviews have fewer distinct words than the configured vocabulary: the fitted one is what counts.
        var largestTokenId = data.Featurized.GetColumn<long[]>(ColumnNames.TokenIds).Max(ids => ids.Max());
        var largestNgramId = data.Featurized.GetColumn<long[]>(ColumnNames.NgramIds).Max(ids => ids.Max());
        Assert.AreEqual(largestTokenId + 1, inputs.VocabularySize);
        Assert.IsLessThan(FeaturizedData.VocabularySize, inputs.VocabularySize);
        Assert.AreEqual(largestNgramId + 1, inputs.NgramVocabularySize);
    }

    [TestMethod]
    public void UnfeaturizedData_IsRefused_NamingTheMissingColumnAndTheFix()
    {
        var ml = new MLContext(seed: 1);
        var raw = ml.Data.LoadFromEnumerable(SyntheticReviews.Create(50, seed: 1));

        var error = Assert.ThrowsExactly<ArgumentException>(() => new SentimentNetworkTrainer(ml, new SentimentNetworkOptions { Fit = new() { Epochs = 1 } }).Fit(raw));

        StringAssert.Contains(error.Message, ColumnNames.TokenKeys);
        StringAssert.Contains(error.Message, "FeaturizeReview");
    }

    [TestMethod]
    public void AMissingLabelColumn_IsRefused_NamingIt()
    {
        var data = new FeaturizedData(100, seed: 2);

        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            new SentimentNetworkTrainer(data.MLContext, FeaturizedData.Options().WithFit(fit => fit with { ValidationSet = data.Featurized }) with { LabelColumnName = "Sentiment" }).Fit(data.Featurized));

        StringAssert.Contains(error.Message, "Sentiment");
    }

    [TestMethod]
    public void Fit_StopsEarlyOnTheGivenValidationSet_NotOnAHeldOutShare()
    {
        var data = new FeaturizedData(600, seed: 6);
        var given = new EpochRecorder();
        var heldOut = new EpochRecorder();

        new SentimentNetworkTrainer(data.MLContext, FeaturizedData.Options().WithFit(fit => fit with { Epochs = 4, Patience = 10, ValidationSet = data.FlippedFeaturized() }), given).Fit(data.Featurized);
        new SentimentNetworkTrainer(data.MLContext, FeaturizedData.Options().WithFit(fit => fit with { Epochs = 4, Patience = 10 }), heldOut).Fit(data.Featurized);

        Assert.IsLessThan(0.5, given.Epochs[^1].ValidationAccuracy, "validated on the flipped reviews given, a network that learns scores below chance");
        Assert.IsGreaterThan(0.5, heldOut.Epochs[^1].ValidationAccuracy, "validated on a share of its own (unflipped) input, it scores above chance");
    }

    private sealed class EpochRecorder : ITrainingMonitor
    {
        public List<EpochMetrics> Epochs { get; } = [];

        public void BatchEnded(BatchProgress progress)
        {
        }

        public void EpochEnded(EpochMetrics metrics, bool improved) => Epochs.Add(metrics);
    }
}
