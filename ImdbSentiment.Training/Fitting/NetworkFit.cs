using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// One network's fit as its options describe it: the initialisation trials, the run early stopping watches, and the
/// refit on the training and validation reviews together (<see cref="FitSettings.RefitOnAllData"/>). The refit is a
/// step of its own, so that a fusion can read the early-stopped network's validation logits first.
/// </summary>
internal sealed class NetworkFit(SentimentNetworkOptions options, EpochReporter reporter, PretrainedEmbedding? embedding)
{
    public (SentimentNetworkBase Network, TrainingResult Result) EarlyStopped(SequenceTensors training, SequenceTensors validation)
    {
        var trials = InitializationTrials.Run(options, training, validation, embedding, reporter, options.Cancellation);
        var seeded = options with { Seed = trials.ChosenSeed };
        var network = SentimentNetworkTrainer.CreateSeededNetwork(seeded, training, embedding);
        var result = new TrainingLoop(seeded, reporter.For(TrainingPhase.Training, seeded)).Train(network, training, validation, options.Cancellation)
            with { Initialization = trials, WordVectors = embedding?.Coverage };
        return (network, result);
    }

    /// <summary>The refitted network when the options ask for a refit and early stopping kept an epoch; cancelled, it keeps the early-stopping run's network.</summary>
    public (SentimentNetworkBase Network, TrainingResult Result) Refitted(
        SentimentNetworkBase network, TrainingResult result, SequenceTensors training, SequenceTensors validation)
    {
        if (!options.Fit.RefitOnAllData || result is not { Cancelled: false, BestEpoch: > 0 })
            return (network, result);

        var seeded = options with { Seed = result.Initialization?.ChosenSeed ?? options.Seed };
        using var all = SequenceTensors.Concat(training, validation);
        var refitted = SentimentNetworkTrainer.CreateSeededNetwork(seeded, all, embedding);
        var trainer = new TrainingLoop(seeded, reporter.For(TrainingPhase.Refit, seeded));
        if (!trainer.TrainEpochs(refitted, all, result.BestEpoch, options.Cancellation))
        {
            refitted.Dispose();
            return (network, result);
        }

        network.Dispose();
        return (refitted, result with { RefitReviews = all.Count });
    }
}
