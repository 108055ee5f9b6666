using System.Text.Json.Serialization;
using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Training.Fitting;

/// <summary>One candidate initialisation and the validation loss it reached after the trial epochs; NaN when it diverged.</summary>
public sealed record InitializationTrial(int Seed, double ValidationLoss)
{
    /// <summary>Whether the trial diverged (its loss stopped being a finite number): it is not a candidate.</summary>
    [JsonIgnore]
    public bool Failed => !double.IsFinite(ValidationLoss);
}

/// <summary>
/// The seed the recipe runs from, chosen among <see cref="FitSettings.InitializationTrials"/> candidates by their
/// validation loss after a few epochs. Some seeds of the embedding recipe settle into a poor solution (validation
/// accuracy near 0.65 for as long as they train); they are already far behind after ten epochs.
/// </summary>
public sealed record InitializationTrials(int ChosenSeed, IReadOnlyList<InitializationTrial> Trials)
{
    internal static InitializationTrials Run(
        SentimentNetworkOptions options, SequenceTensors training, SequenceTensors validation, PretrainedEmbedding? embedding, EpochReporter reporter, CancellationToken cancellation)
    {
        if (options.Fit.InitializationTrials == 1)
            return new InitializationTrials(options.Seed, []);

        var trials = new List<InitializationTrial>();
        for (var i = 0; i < options.Fit.InitializationTrials && !cancellation.IsCancellationRequested; i++)
        {
            var trialOptions = options with { Seed = options.Seed + i, Fit = options.Fit with { Epochs = options.Fit.TrialEpochs, Patience = int.MaxValue, CheckpointPath = null } };
            trials.Add(new InitializationTrial(trialOptions.Seed, TrialLoss(trialOptions, training, validation, embedding, reporter, cancellation)));
            reporter.TrialEnded(trials[^1]);
        }

        return new InitializationTrials(Choose(options.Seed, trials), trials);
    }

    /// <summary>The seed of the lowest validation loss among the trials that did not fail; with no trial run (cancelled), the options' seed.</summary>
    internal static int Choose(int seed, IReadOnlyList<InitializationTrial> trials)
    {
        if (trials.Count == 0)
            return seed;
        var candidates = trials.Where(trial => !trial.Failed).ToList();
        return candidates.Count > 0
            ? candidates.MinBy(trial => trial.ValidationLoss)!.Seed
            : throw new TrainingDivergedException($"training diverged: all {trials.Count} initialisation trials (seeds {trials[0].Seed} to {trials[^1].Seed}) ended with a loss that is not a finite number; {TrainingDivergedException.Advice}.");
    }

    private static double TrialLoss(
        SentimentNetworkOptions trialOptions, SequenceTensors training, SequenceTensors validation, PretrainedEmbedding? embedding, EpochReporter reporter, CancellationToken cancellation)
    {
        using var network = SentimentNetworkTrainer.CreateSeededNetwork(trialOptions, training, embedding);
        try
        {
            var result = new TrainingLoop(trialOptions, reporter.For(TrainingPhase.InitializationTrial, trialOptions)).Train(network, training, validation, cancellation);
            return result.History[^1].ValidationLoss;
        }
        catch (TrainingDivergedException)
        {
            return double.NaN;
        }
    }
}
