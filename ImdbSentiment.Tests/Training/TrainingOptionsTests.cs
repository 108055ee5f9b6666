using ImdbSentiment.Model.Text;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;

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
        var options = new SentimentTrainingOptions { Network = new SentimentNetworkOptions { Architecture = NetworkArchitecture.None, NgramBranch = true } };

        var error = Assert.ThrowsExactly<ArgumentException>(options.Validate);
        Assert.Contains("NgramLength", error.Message);
        (options with { Featurizer = new FeaturizerOptions { NgramLength = 2 } }).Validate();
    }

    [TestMethod]
    public void TheBookRecipes_GuardTheirInitialisation_AndRefit_AndTheNetworkSeedLeavesTheSplitAlone()
    {
        foreach (var name in new[] { "book-onehot", "book-embedding", "book-lstm", "book-gru", "book-stacked-lstm" })
        {
            Assert.AreEqual(3, TrainingRecipes.Get(name).Network.InitializationTrials, name);
            Assert.IsTrue(TrainingRecipes.Get(name).Network.RefitOnAllData, name);
        }
        var recipe = TrainingRecipes.Get(TrainingRecipes.Default);
        Assert.AreEqual(recipe.SplitSeed, (recipe with { Network = recipe.Network with { Seed = 7 } }).SplitSeed);
    }
}
