using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
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
        // Each setting within its ceiling, together 1,000,000 words x 64 floats of embedding.
        var bilstm = TrainingRecipes.Get("bilstm");
        var huge = bilstm with { Featurizer = bilstm.Featurizer with { VocabularySize = FeaturizerOptions.MostVocabularySize } };

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

    // The library must not fail where the command line succeeds: its defaults are train's default recipe, guards and all.
    [TestMethod]
    public void TheLibraryDefaults_AreTheCommandLinesDefaultRecipe_AndKerasExactIsOneOptionAway()
    {
        Assert.AreEqual(TrainingRecipes.Get(TrainingRecipes.Default), new SentimentTrainingOptions());
        Assert.AreEqual(new FitSettings { InitializationTrials = 1, RefitOnAllData = false }, FitSettings.KerasExact);
        Assert.AreEqual(FitSettings.KerasExact with { Epochs = 5 }, new FitSettings { Epochs = 5 }.WithoutGuards());
    }

    [TestMethod]
    public void TheOtherRecipes_KeepTheirOwnGuards_WhateverTheDefaults()
    {
        Assert.AreEqual((1, false), (TrainingRecipes.Get("bilstm").Trainer.Fit.InitializationTrials, TrainingRecipes.Get("bilstm").Trainer.Fit.RefitOnAllData));
        Assert.AreEqual((1, true), (TrainingRecipes.Get("best").Trainer.Fit.InitializationTrials, TrainingRecipes.Get("best").Trainer.Fit.RefitOnAllData));
        Assert.AreEqual((1, true), (TrainingRecipes.Get("ngram").Trainer.Fit.InitializationTrials, TrainingRecipes.Get("ngram").Trainer.Fit.RefitOnAllData));
    }

    [TestMethod]
    public void TheBestRecipe_FusesBilstmFull_WithTheNgramRecipe_OverOneFeaturizerMakingBoth()
    {
        var (best, recurrent, bag) = (TrainingRecipes.Get("best"), TrainingRecipes.Get("bilstm-full"), TrainingRecipes.Get("ngram"));

        Assert.AreEqual(bag.Trainer, best.Trainer.FusedWith);
        Assert.AreEqual(recurrent.Trainer.Network, best.Trainer.Network);
        Assert.AreEqual(recurrent.Trainer.Optimizer, best.Trainer.Optimizer);
        Assert.AreEqual(recurrent.Featurizer with { NgramLength = 3, NgramVocabularySize = bag.Featurizer.NgramVocabularySize }, best.Featurizer);
        Assert.IsTrue(TrainingRecipes.NeedsWordVectors("best"));
        Assert.IsFalse(TrainingRecipes.NeedsWordVectors("ngram"));
        best.Validate();
    }

    [TestMethod]
    [DataRow(double.PositiveInfinity)]
    [DataRow(double.NaN)]
    public void ANonFiniteSetting_IsRefused_NamingIt(double value)
    {
        SentimentNetworkOptions[] invalid =
        [
            new() { Optimizer = new() { LearningRate = value } },
            new() { Optimizer = new() { NgramLearningRate = value } },
            new() { Optimizer = new() { NgramWeightDecay = value } },
            new() { Optimizer = new() { GradientClipNorm = value } },
            new() { Fit = new() { MinDelta = value } },
            new() { Fit = new() { ValidationFraction = value } },
            new() { Network = new() { Dropout = value } },
            new() { Network = new() { NgramDropout = value } },
        ];
        string[] names = ["LearningRate", "NgramLearningRate", "NgramWeightDecay", "GradientClipNorm", "MinDelta", "ValidationFraction", "Dropout", "NgramDropout"];

        foreach (var (options, name) in invalid.Zip(names))
            Assert.AreEqual(name, Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate, name).ParamName);
    }

    [TestMethod]
    public void TheInitialisationGuard_ChoosesAmongTheTrialsThatDidNotDiverge_AndThrowsWhenNoneIsLeft()
    {
        InitializationTrial[] trials = [new(42, double.NaN), new(43, 0.61), new(44, 0.58), new(45, double.PositiveInfinity)];

        Assert.AreEqual(44, InitializationTrials.Choose(42, trials));
        Assert.AreEqual(7, InitializationTrials.Choose(7, []), "no trial ran (cancelled): the options' seed");
        var error = Assert.ThrowsExactly<TrainingDivergedException>(() => InitializationTrials.Choose(42, [new(42, double.NaN), new(43, double.NaN)]));
        Assert.Contains("all 2 initialisation trials (seeds 42 to 43)", error.Message);
    }

    [TestMethod]
    public void BiLstmFull_IsBiLstm_OverWholeReviews_PooledByMaxAndMean_WithAVectorSizedEmbedding()
    {
        var bilstm = TrainingRecipes.Get("bilstm");
        var full = TrainingRecipes.Get("bilstm-full");

        full.Validate();
        Assert.AreEqual(bilstm.Featurizer with { MaxLength = 1000 }, full.Featurizer);
        Assert.AreEqual(bilstm.Trainer.Network with { EmbeddingSize = 100, Pooling = RecurrentPooling.MaxMean }, full.Trainer.Network);
        Assert.AreEqual(bilstm with { Featurizer = full.Featurizer, Trainer = bilstm.Trainer with { Network = full.Trainer.Network } }, full, "nothing else differs");
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
