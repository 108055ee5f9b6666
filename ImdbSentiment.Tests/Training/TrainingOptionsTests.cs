using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.Training;

[TestClass]
public sealed class TrainingOptionsTests
{
    [TestMethod]
    public void ANetworkOver50MegabytesOfOnnx_IsRefusedBeforeTraining()
    {
        var best = TrainingRecipes.Get("best");
        var huge = best with { Featurizer = best.Featurizer with { NgramVocabularySize = 20_000_000 } };

        best.Validate();
        var error = Assert.ThrowsExactly<ArgumentException>(huge.Validate);
        Assert.Contains("50 MB", error.Message);
    }

    [TestMethod]
    public void TheNgramBranch_WithoutNgrams_IsRefused()
    {
        var options = new SentimentTrainingOptions { Trainer = new SentimentNetworkOptions { Network = new() { Architecture = NetworkArchitecture.None, NgramBranch = true } } };

        var error = Assert.ThrowsExactly<ArgumentException>(options.Validate);
        Assert.Contains("NgramLength", error.Message);
        (options with { Featurizer = new FeaturizerOptions { NgramLength = 2 } }).Validate();
    }

    [TestMethod]
    public void TheBookRecipes_GuardTheirInitialisation_AndRefit()
    {
        foreach (var name in new[] { "book-onehot", "book-embedding", "book-lstm", "book-gru", "book-stacked-lstm" })
        {
            Assert.AreEqual(3, TrainingRecipes.Get(name).Trainer.Fit.InitializationTrials, name);
            Assert.IsTrue(TrainingRecipes.Get(name).Trainer.Fit.RefitOnAllData, name);
        }
    }

    [TestMethod]
    public void TheValidationSplit_FollowsTheSplitSeed_NotTheNetworkSeed()
    {
        var reviews = Enumerable.Range(0, 200).Select(i => new LabeledReview { Text = $"review number{i}", Label = i % 2 == 0 }).ToArray();
        var options = new SentimentTrainingOptions { Featurizer = new FeaturizerOptions { VocabularySize = 50, MaxLength = 5 } };
        string[] ValidationTexts(SentimentTrainingOptions chosen) =>
            [.. new SentimentTrainingPipeline(new MLContext(seed: 1), chosen).Prepare(reviews).Validation.GetColumn<string>(nameof(LabeledReview.Text))];

        var first = ValidationTexts(options);
        CollectionAssert.AreEqual(first, ValidationTexts(options with { Trainer = options.Trainer with { Seed = 7 } }));
        CollectionAssert.AreNotEquivalent(first, ValidationTexts(options with { Trainer = options.Trainer.WithFit(fit => fit with { SplitSeed = 7 }) }));
    }
}
