using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

[TestClass]
public sealed class TrainingBehaviourTests
{
    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    [TestMethod]
    public void EarlyStopping_StopsAfterPatience_AndRestoresTheBestEpochsWeights()
    {
        // Validation labels are the training labels flipped: the better the fit, the worse the validation loss.
        var data = new FeaturizedData(400, seed: 5);
        var checkpoint = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.dat");
        try
        {
            var options = FeaturizedData.Options().WithFit(fit => fit with { Epochs = 20, Patience = 2, CheckpointPath = checkpoint });
            var trained = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.FlippedFeaturized());
            var result = trained.Result;

            Assert.IsTrue(result.StoppedEarly);
            var bestByLoss = result.History.MinBy(epoch => epoch.ValidationLoss)!;
            Assert.AreEqual(bestByLoss.Epoch, result.BestEpoch);
            Assert.AreEqual(result.BestEpoch + options.Fit.Patience, result.History.Count);
            Assert.AreEqual(bestByLoss.ValidationLoss, ValidationLoss(trained.Network, data), 1e-5, "the network should hold the best epoch's weights");

            using var fromCheckpoint = SentimentNetworkTrainer.CreateNetwork(options, NetworkInputs.FromSchema(data.Featurized.Schema));
            fromCheckpoint.load(checkpoint);
            Assert.AreEqual(bestByLoss.ValidationLoss, ValidationLoss(fromCheckpoint, data), 1e-5, "the checkpoint should hold the best epoch's weights");
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [TestMethod]
    public void StartFromEpoch_KeepsTrainingThroughAnEarlyPlateau()
    {
        var data = new FeaturizedData(400, seed: 5);
        var options = FeaturizedData.Options().WithFit(fit => fit with { Epochs = 6, Patience = 1, StartFromEpoch = 4 });
        var result = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.FlippedFeaturized()).Result;

        Assert.AreEqual(options.Fit.StartFromEpoch + 1 + options.Fit.Patience, result.History.Count);
        Assert.AreEqual(options.Fit.StartFromEpoch + 1, result.BestEpoch, "epochs before start-from are not monitored");
    }

    [TestMethod]
    public void Cancellation_StopsAfterTheCurrentBatch_AndKeepsTheBestWeightsSoFar()
    {
        var data = new FeaturizedData(400, seed: 6);
        using var cancellation = new CancellationTokenSource();
        var monitor = new CancelAt(epoch: 2, batch: 3, cancellation);
        var options = FeaturizedData.Options().WithFit(fit => fit with { Epochs = 10 }) with { Cancellation = cancellation.Token };
        var trained = new SentimentNetworkTrainer(data.MLContext, options, monitor).Train(data.Featurized, data.Featurized);

        Assert.IsTrue(trained.Result.Cancelled);
        Assert.AreEqual(1, trained.Result.History.Count);
        Assert.AreEqual(3, monitor.BatchesSeenInEpoch2, "no batch should start after cancellation");
        Assert.AreEqual(trained.Result.History[0].ValidationLoss, ValidationLoss(trained.Network, data, flipped: false), 1e-5);
    }

    [TestMethod]
    [DataRow(NetworkArchitecture.OneHotRnn)]
    [DataRow(NetworkArchitecture.EmbeddingRnn)]
    public void SameSeedAndData_GiveTheSameMetrics(NetworkArchitecture architecture)
    {
        var data = new FeaturizedData(300, seed: 7);
        var options = FeaturizedData.Options(architecture);
        var first = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.Featurized).Result;
        var second = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.Featurized).Result;
        var third = new SentimentNetworkTrainer(data.MLContext, options with { Seed = 43 }).Train(data.Featurized, data.Featurized).Result;

        CollectionAssert.AreEqual(first.History.Select(e => e.ValidationLoss).ToArray(), second.History.Select(e => e.ValidationLoss).ToArray());
        CollectionAssert.AreEqual(first.History.Select(e => e.Loss).ToArray(), second.History.Select(e => e.Loss).ToArray());
        CollectionAssert.AreNotEqual(first.History.Select(e => e.Loss).ToArray(), third.History.Select(e => e.Loss).ToArray());
    }

    [TestMethod]
    public void InitializationGuard_RunsTheRecipeFromTheCandidateWithTheLowestTrialLoss()
    {
        var data = new FeaturizedData(300, seed: 8);
        var options = FeaturizedData.Options().WithOptimizer(optimizer => optimizer with { LearningRate = 1e-3 }).WithFit(fit => fit with { InitializationTrials = 3, TrialEpochs = 1 });
        var guarded = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.Featurized).Result;

        var initialization = guarded.Initialization!;
        CollectionAssert.AreEqual(new[] { 42, 43, 44 }, initialization.Trials.Select(trial => trial.Seed).ToArray());
        Assert.AreEqual(initialization.Trials.MinBy(trial => trial.ValidationLoss)!.Seed, initialization.ChosenSeed);
        var plain = new SentimentNetworkTrainer(data.MLContext, options.WithFit(fit => fit with { InitializationTrials = 1 }) with { Seed = initialization.ChosenSeed })
            .Train(data.Featurized, data.Featurized).Result;
        CollectionAssert.AreEqual(plain.History.Select(e => e.ValidationLoss).ToArray(), guarded.History.Select(e => e.ValidationLoss).ToArray());
    }

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    public void FusedRecurrence_MatchesAutogradOverAPlainLoop()
    {
        manual_seed(3);
        using var table = randn(7, 5).requires_grad_(true);
        using var tokenIds = randint(0, 7, [4, 9]);
        using var weights = (randn(5, 5) * 0.4).requires_grad_(true);
        using var projection = randn(4, 5);

        var hidden = zeros(4, 5);
        for (var t = 0; t < 9; t++)
            hidden = (table.index_select(0, tokenIds.select(1, t)) + hidden.mm(weights.t())).tanh();
        (hidden * projection).sum().backward();
        var expectedTableGradient = table.grad!.clone();
        var expectedWeightGradient = weights.grad!.clone();
        table.grad!.zero_();
        weights.grad!.zero_();

        var fused = TanhRecurrence.apply(table, tokenIds, weights);
        (fused * projection).sum().backward();

        Assert.IsTrue(fused.allclose(hidden, rtol: 1e-5, atol: 1e-6));
        Assert.IsTrue(table.grad!.allclose(expectedTableGradient, rtol: 1e-4, atol: 1e-5));
        Assert.IsTrue(weights.grad!.allclose(expectedWeightGradient, rtol: 1e-4, atol: 1e-5));
    }

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    public void OneHotNetwork_TrainsWithAHugeVocabulary_WithoutBuildingOneHotTensors()
    {
        // A one-hot batch of 64 x 100 ids over 200,000 words would be 5.1 GB of floats; the lookup needs 6.4 MB.
        const int vocabulary = 200_000;
        manual_seed(1);
        using var network = new SimpleRnnNetwork(NetworkArchitecture.OneHotRnn, vocabulary, 16, 8);
        using var optimizer = optim.RMSProp(network.TrainableParameters(), 1e-3);
        var before = ResidentBytes();
        for (var step = 0; step < 3; step++)
        {
            using var scope = NewDisposeScope();
            var ids = randint(0, vocabulary, [64, 100]);
            var loss = nn.functional.binary_cross_entropy_with_logits(network.call(ids), rand(64).round());
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        var grownMegabytes = (ResidentBytes() - before) / 1e6;
        Assert.IsLessThan(300.0, grownMegabytes, $"training grew the process by {grownMegabytes:F0} MB");
    }

    private static long ResidentBytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(line => line.StartsWith("VmRSS:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    private static double ValidationLoss(SentimentNetworkBase network, FeaturizedData data, bool flipped = true)
    {
        using var tensors = SequenceTensors.FromDataView(flipped ? data.FlippedFeaturized() : data.Featurized);
        return TrainingLoop.Evaluate(network, tensors, 1000).Loss;
    }

    private sealed class CancelAt(int epoch, int batch, CancellationTokenSource cancellation) : ITrainingMonitor
    {
        public int BatchesSeenInEpoch2 { get; private set; }

        public void BatchEnded(BatchProgress progress)
        {
            if (progress.Epoch == 2)
                BatchesSeenInEpoch2++;
            if (progress.Epoch == epoch && progress.Batch == batch)
                cancellation.Cancel();
        }

        public void EpochEnded(EpochMetrics metrics, bool improved)
        {
        }
    }
}
