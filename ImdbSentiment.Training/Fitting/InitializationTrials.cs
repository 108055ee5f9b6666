using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Training.Fitting;

/// <summary>One candidate initialisation and the validation loss it reached after the trial epochs.</summary>
public sealed record InitializationTrial(int Seed, double ValidationLoss);

/// <summary>
/// The seed the recipe runs from, chosen among <see cref="SentimentNetworkOptions.InitializationTrials"/> candidates
/// by their validation loss after a few epochs. Some seeds of the embedding recipe settle into a poor solution
/// (validation accuracy near 0.65 for as long as they train); they are already far behind after ten epochs.
/// </summary>
public sealed record InitializationTrials(int ChosenSeed, IReadOnlyList<InitializationTrial> Trials)
{
    internal static InitializationTrials Run(
        SentimentNetworkOptions options, SequenceTensors training, SequenceTensors validation, PretrainedEmbedding? embedding, ITrainingMonitor? monitor, CancellationToken cancellation)
    {
        if (options.Fit.InitializationTrials == 1)
            return new InitializationTrials(options.Seed, []);

        var trials = new List<InitializationTrial>();
        for (var i = 0; i < options.Fit.InitializationTrials && !cancellation.IsCancellationRequested; i++)
        {
            var trialOptions = options with { Seed = options.Seed + i, Fit = options.Fit with { Epochs = options.Fit.TrialEpochs, Patience = int.MaxValue, CheckpointPath = null } };
            using var network = SentimentNetworkTrainer.CreateSeededNetwork(trialOptions, training, embedding);
            var result = new TrainingLoop(trialOptions).Train(network, training, validation, cancellation);
            trials.Add(new InitializationTrial(trialOptions.Seed, result.History[^1].ValidationLoss));
            monitor?.TrialEnded(trials[^1]);
        }

        return new InitializationTrials(trials.Count == 0 ? options.Seed : trials.MinBy(trial => trial.ValidationLoss)!.Seed, trials);
    }
}
