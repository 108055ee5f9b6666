using ImdbSentiment.Model.Text;
using ImdbSentiment.Trainer.Cli;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Tests.Cli;

[TestClass]
public sealed class TrainFlagsTests
{
    [TestMethod]
    public void NoRecipe_IsTheBooksEmbeddingRecipe()
    {
        var options = Parse();
        Assert.AreEqual(TrainingRecipes.Get(TrainingRecipes.Default), options);
        Assert.AreEqual(NetworkArchitecture.EmbeddingRnn, options.Trainer.Network.Architecture);
        Assert.AreEqual(3, options.Trainer.Fit.InitializationTrials);
        Assert.IsTrue(options.Trainer.Fit.RefitOnAllData);
    }

    [TestMethod]
    public void Recipe_GivesItsSettings_AndExplicitFlagsOverrideThem()
    {
        var stacked = Parse("--recipe", "book-stacked-lstm");
        Assert.AreEqual(NetworkArchitecture.Lstm, stacked.Trainer.Network.Architecture);
        Assert.AreEqual(2, stacked.Trainer.Network.Layers);
        Assert.AreEqual(0.3, stacked.Trainer.Network.Dropout);

        var overridden = Parse("--recipe", "book-stacked-lstm", "--dropout", "0.1", "--units", "12", "--truncating", "post", "--optimizer", "adam");
        Assert.AreEqual(0.1, overridden.Trainer.Network.Dropout);
        Assert.AreEqual(12, overridden.Trainer.Network.Units);
        Assert.AreEqual(2, overridden.Trainer.Network.Layers, "a setting not given keeps the recipe's value");
        Assert.AreEqual(SequenceSide.Post, overridden.Featurizer.Truncating);
        Assert.AreEqual(NetworkOptimizer.Adam, overridden.Trainer.Optimizer.Algorithm);
        Assert.IsFalse(overridden.Trainer.Network.DropsWholeTokens);
        Assert.IsTrue(Parse("--recipe", "book-stacked-lstm", "--drop-whole-tokens").Trainer.Network.DropsWholeTokens);
    }

    [TestMethod]
    public void BestRecipe_KeepsItsOwnValues_UnlessOverridden()
    {
        var best = Parse("--recipe", "best");
        Assert.AreEqual(TrainingRecipes.Get("best"), best);
        Assert.AreEqual(500, Parse("--recipe", "best", "--vocab-size", "500").Featurizer.VocabularySize);
    }

    [TestMethod]
    public void KerasExact_TurnsOffBothGuards_AndNothingElse()
    {
        var exact = Parse("--keras-exact");

        Assert.AreEqual(1, exact.Trainer.Fit.InitializationTrials);
        Assert.IsFalse(exact.Trainer.Fit.RefitOnAllData);
        Assert.AreEqual(Parse() with { Trainer = Parse().Trainer.WithFit(fit => fit with { InitializationTrials = 1, RefitOnAllData = false }) }, exact);
    }

    [TestMethod]
    public void Architecture_WithTheNgramBag_TurnsOnBigramsUnlessNgramsSaysOtherwise()
    {
        var joint = Parse("--architecture", "ngram-bag+lstm");
        Assert.AreEqual(NetworkArchitecture.Lstm, joint.Trainer.Network.Architecture);
        Assert.IsTrue(joint.Trainer.Network.NgramBranch);
        Assert.AreEqual(2, joint.Featurizer.NgramLength);
        Assert.AreEqual(3, Parse("--architecture", "ngram-bag", "--ngrams", "3").Featurizer.NgramLength);
        Assert.AreEqual(NetworkArchitecture.Gru, Parse("--model", "gru").Trainer.Network.Architecture, "--model stays an alias");
        Assert.AreEqual(SplitKind.Group, Parse("--split-by", "movie").SplitBy);
        Assert.IsFalse(Parse("--recipe", "best", "--refit", "off").Trainer.Fit.RefitOnAllData);
    }

    [TestMethod]
    public void TheRecipeHelp_ListsEveryRecipe()
    {
        var help = new TrainFlags().Recipe.Description!;
        foreach (var name in TrainingRecipes.Names)
            Assert.Contains(name, help);
    }

    [TestMethod]
    public void KerasExact_IsAPreset_ThatExplicitFlagsOverride()
    {
        Assert.AreEqual(5, Parse("--keras-exact", "--init-trials", "5").Trainer.Fit.InitializationTrials);
        Assert.IsFalse(Parse("--keras-exact", "--init-trials", "5").Trainer.Fit.RefitOnAllData);
        Assert.IsTrue(Parse("--keras-exact", "--refit", "on").Trainer.Fit.RefitOnAllData);
        Assert.AreEqual(1, Parse("--recipe", "bilstm", "--keras-exact").Trainer.Fit.InitializationTrials);
    }

    [TestMethod]
    public void UnknownRecipe_IsAParseError()
    {
        var flags = new TrainFlags();
        var parse = flags.CreateCommand().Parse(["--recipe", "fastest"]);
        Assert.IsNotEmpty(parse.Errors);
    }

    private static SentimentTrainingOptions Parse(params string[] arguments)
    {
        var flags = new TrainFlags();
        var parse = flags.CreateCommand().Parse(arguments);
        Assert.IsEmpty(parse.Errors, string.Join("; ", parse.Errors.Select(error => error.Message)));
        return flags.TrainingOptions(parse);
    }
}
