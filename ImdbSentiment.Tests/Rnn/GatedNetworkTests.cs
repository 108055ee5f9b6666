using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

[TestClass]
public sealed class GatedNetworkTests
{
    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    [TestMethod]
    [DataRow("lstm", NetworkArchitecture.Lstm)]
    [DataRow("GRU", NetworkArchitecture.Gru)]
    public void ModelNames_ParseToTheGatedArchitectures(string name, NetworkArchitecture expected)
    {
        Assert.AreEqual(expected, NetworkArchitectureNames.Parse(name));
        Assert.AreEqual(name.ToLowerInvariant(), expected.ToName());
    }

    // Tests that build networks outside the estimator draw from torch's process-wide generator, so they do not run
    // alongside estimator trainings whose seeded initialisation they would shift.

    // Embedding(500, 16) = 8,000; per direction a layer has gates x (8 x input + 8 x 8 + 2 x 8); Dense has 8 x directions + 1.
    [TestMethod]
    [DoNotParallelize]
    [DataRow(NetworkArchitecture.Lstm, 1, false, 8841)] // Keras's LSTM(8) has one bias: 8,809
    [DataRow(NetworkArchitecture.Gru, 1, false, 8633)] // as Keras's GRU(8) (reset_after=True)
    [DataRow(NetworkArchitecture.Lstm, 2, true, 11345)]
    [DataRow(NetworkArchitecture.Gru, 2, true, 10513)]
    public void TrainableParameterCounts_MatchTheSummary(NetworkArchitecture architecture, int layers, bool bidirectional, int expected)
    {
        var options = new SentimentNetworkOptions { Network = new() { Architecture = architecture, Layers = layers, Bidirectional = bidirectional, Dropout = 0.3, Pooling = RecurrentPooling.Max } };
        var inputs = new NetworkInputs(500, 0);
        using var network = SentimentNetworkTrainer.CreateNetwork(options, inputs);
        Assert.AreEqual(expected, network.TrainableParameterCount);
        Assert.AreEqual(expected, ModelSummary.Describe(options.Network, inputs, maxLength: 100).TotalParameters);
    }

    [TestMethod]
    [DataRow(NetworkArchitecture.OneHotRnn, "Layers")]
    [DataRow(NetworkArchitecture.EmbeddingRnn, "Bidirectional")]
    [DataRow(NetworkArchitecture.EmbeddingRnn, "Pooling")]
    [DataRow(NetworkArchitecture.OneHotRnn, "Dropout")]
    [DataRow(NetworkArchitecture.EmbeddingRnn, "DropsWholeTokens")]
    public void SimpleRnnOptions_RejectGatedOnlySettings_NamingTheSetting(NetworkArchitecture architecture, string setting)
    {
        var options = new SentimentNetworkOptions { Network = new() { Architecture = architecture } };
        options = setting switch
        {
            "Layers" => options.WithNetwork(network => network with { Layers = 2 }),
            "Bidirectional" => options.WithNetwork(network => network with { Bidirectional = true }),
            "Pooling" => options.WithNetwork(network => network with { Pooling = RecurrentPooling.Max }),
            "DropsWholeTokens" => options.WithNetwork(network => network with { DropsWholeTokens = true }),
            _ => options.WithNetwork(network => network with { Dropout = 0.2 }),
        };

        var error = Assert.ThrowsExactly<ArgumentException>(options.Validate);
        Assert.AreEqual(setting, error.ParamName);
        StringAssert.Contains(error.Message, "lstm or gru");
        options.WithNetwork(network => network with { Architecture = NetworkArchitecture.Gru }).Validate();
    }

    [TestMethod]
    public void InvalidGatedOptions_AreRejected()
    {
        var gru = new SentimentNetworkOptions { Network = new() { Architecture = NetworkArchitecture.Gru } };
        SentimentNetworkOptions[] invalid =
        [
            gru.WithNetwork(network => network with { Layers = 0 }), gru.WithNetwork(network => network with { Dropout = 1 }), gru.WithNetwork(network => network with { Dropout = -0.1 }), gru.WithOptimizer(optimizer => optimizer with { GradientClipNorm = -1 }),
            gru.WithOptimizer(optimizer => optimizer with { GradientClipNorm = double.NaN }), gru.WithOptimizer(optimizer => optimizer with { Algorithm = (NetworkOptimizer)7 }), gru.WithNetwork(network => network with { Pooling = (RecurrentPooling)7 }),
        ];
        foreach (var options in invalid)
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate, options.ToString());
    }

    [TestMethod]
    [DoNotParallelize]
    public void DropoutNetwork_IsDeterministicInEvalMode_AndRandomInTraining()
    {
        manual_seed(5);
        using var network = new GatedSentimentNetwork(GatedCell.Lstm, 30, 8, 6, layers: 2, bidirectional: true, dropout: 0.5);
        using var ids = randint(0, 30, [16, 12]);
        using var _ = no_grad();

        network.train();
        using var trainingFirst = network.call(ids);
        using var trainingSecond = network.call(ids);
        network.eval();
        using var evalFirst = network.call(ids);
        using var evalSecond = network.call(ids);

        Assert.IsFalse(trainingFirst.allclose(trainingSecond), "dropout should be active in training");
        Assert.IsTrue(evalFirst.eq(evalSecond).all().item<bool>(), "eval mode should have no dropout");
    }

    [TestMethod]
    public void DropoutTraining_IsReproducible_WhateverElseDrawsFromTorchsGlobalGenerator()
    {
        var data = new FeaturizedData(300, seed: 21);
        var options = Gated(NetworkArchitecture.Gru).WithNetwork(network => network with { Layers = 2, Dropout = 0.3 });
        var quiet = Train(data, options);
        var disturbed = Train(data, options, new GlobalGeneratorUser());
        var otherSeed = Train(data, options with { Seed = 7 });

        CollectionAssert.AreEqual(Losses(quiet), Losses(disturbed));
        CollectionAssert.AreNotEqual(Losses(quiet), Losses(otherSeed));
    }

    [TestMethod]
    public void GradientClipping_WithATinyNorm_ChangesTheFirstEpoch_AndIsDeterministic()
    {
        var data = new FeaturizedData(300, seed: 22);
        var options = Gated(NetworkArchitecture.Lstm);
        var unclipped = Train(data, options);
        var clipped = Train(data, options.WithOptimizer(optimizer => optimizer with { GradientClipNorm = 1e-5 }));
        var clippedAgain = Train(data, options.WithOptimizer(optimizer => optimizer with { GradientClipNorm = 1e-5 }));
        var clippedAdam = Train(data, options.WithOptimizer(optimizer => optimizer with { GradientClipNorm = 1e-5, Algorithm = NetworkOptimizer.Adam }));
        var clippedAdamAgain = Train(data, options.WithOptimizer(optimizer => optimizer with { GradientClipNorm = 1e-5, Algorithm = NetworkOptimizer.Adam }));

        Assert.AreNotEqual(unclipped.History[0].Loss, clipped.History[0].Loss);
        // A gradient norm of 1e-5 against RMSprop's epsilon of 1e-7 leaves steps ~100 times smaller: the loss barely moves from ln 2.
        Assert.AreEqual(Math.Log(2), clipped.History[0].Loss, 0.01);
        Assert.IsGreaterThan(unclipped.History[0].ValidationLoss, clipped.History[0].ValidationLoss);
        CollectionAssert.AreEqual(Losses(clipped), Losses(clippedAgain));
        CollectionAssert.AreEqual(Losses(clippedAdam), Losses(clippedAdamAgain));
    }

    [TestMethod]
    public void Adam_TrainsDifferentlyFromRmsProp_AndIsDeterministic()
    {
        var data = new FeaturizedData(300, seed: 23);
        var options = Gated(NetworkArchitecture.Gru);
        var rmsProp = Train(data, options);
        var adam = Train(data, options.WithOptimizer(optimizer => optimizer with { Algorithm = NetworkOptimizer.Adam }));
        var adamAgain = Train(data, options.WithOptimizer(optimizer => optimizer with { Algorithm = NetworkOptimizer.Adam }));

        Assert.AreNotEqual(rmsProp.History[0].Loss, adam.History[0].Loss);
        CollectionAssert.AreEqual(Losses(adam), Losses(adamAgain));
        Assert.IsLessThan(adam.History[0].ValidationLoss, adam.History[^1].ValidationLoss, "Adam should learn the synthetic reviews");
    }

    [TestMethod]
    public void Adam_TrainsTheSimpleRnnToo()
    {
        var data = new FeaturizedData(300, seed: 24);
        var options = FeaturizedData.Options().WithOptimizer(optimizer => optimizer with { Algorithm = NetworkOptimizer.Adam, GradientClipNorm = 1 });
        var first = Train(data, options);
        var second = Train(data, options);

        CollectionAssert.AreEqual(Losses(first), Losses(second));
        Assert.IsLessThan(first.History[0].ValidationLoss, first.History[^1].ValidationLoss);
    }

    private static SentimentNetworkOptions Gated(NetworkArchitecture architecture) =>
        FeaturizedData.Options(architecture).WithNetwork(network => network with { EmbeddingSize = 8, Units = 6 });

    private static TrainingResult Train(FeaturizedData data, SentimentNetworkOptions options, ITrainingMonitor? monitor = null)
    {
        var trained = new SentimentNetworkTrainer(data.MLContext, options, monitor).Train(data.Featurized, data.Featurized);
        (trained.Transformer as IDisposable)?.Dispose();
        trained.Network.Dispose();
        return trained.Result;
    }

    private static double[] Losses(TrainingResult result) =>
        result.History.SelectMany(epoch => new[] { epoch.Loss, epoch.ValidationLoss }).ToArray();

    /// <summary>Draws from torch's global generator after every batch, as other code in the process might.</summary>
    private sealed class GlobalGeneratorUser : ITrainingMonitor
    {
        public void BatchEnded(BatchProgress progress)
        {
            using var noise = rand(100);
        }

        public void EpochEnded(EpochMetrics metrics, bool improved)
        {
        }
    }
}
