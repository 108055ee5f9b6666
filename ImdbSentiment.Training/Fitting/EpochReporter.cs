using Microsoft.ML.Runtime;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// Where a fit's epochs are told: the caller's <see cref="ITrainingMonitor"/> (every batch and epoch of the run early
/// stopping watches and of the refit, each initialisation trial as a whole), the options'
/// <see cref="SentimentNetworkOptions.Progress"/> (every epoch of every phase) and the MLContext's log (the same, as
/// Info lines that <c>mlContext.Log</c> subscribers receive).
/// </summary>
internal sealed class EpochReporter(ITrainingMonitor? monitor, IProgress<EpochProgress>? progress, IChannel log)
{
    private ITrainingMonitor? Monitor => monitor;

    public void TrialEnded(InitializationTrial trial)
    {
        monitor?.TrialEnded(trial);
        log.Info(MessageSensitivity.None, trial.Failed
            ? $"Initialisation trial, seed {trial.Seed}: diverged, not a candidate"
            : FormattableString.Invariant($"Initialisation trial, seed {trial.Seed}: val_loss {trial.ValidationLoss:F4}"));
    }

    /// <summary>The monitor a training loop of this phase reports to.</summary>
    public ITrainingMonitor For(TrainingPhase phase, SentimentNetworkOptions options) => new PhaseMonitor(this, phase, options.Seed, options.Fit.Epochs);

    private void Report(EpochProgress epoch)
    {
        progress?.Report(epoch);
        log.Info(MessageSensitivity.None, epoch.ToString());
    }

    private sealed class PhaseMonitor(EpochReporter reporter, TrainingPhase phase, int seed, int epochs) : ITrainingMonitor
    {
        // A trial's batches and epochs are not the caller's: its monitor hears of each trial once, when it ends.
        private ITrainingMonitor? Caller => phase == TrainingPhase.InitializationTrial ? null : reporter.Monitor;

        public void BatchEnded(BatchProgress progress) => Caller?.BatchEnded(progress);

        public void EpochEnded(EpochMetrics metrics, bool improved)
        {
            Caller?.EpochEnded(metrics, improved);
            reporter.Report(new EpochProgress(phase, seed, metrics.Epoch, epochs, metrics.Loss, metrics.Accuracy, metrics.ValidationLoss, metrics.ValidationAccuracy, metrics.Duration));
        }

        public void RefitEpochEnded(int epoch, int refitEpochs, double loss, double accuracy, TimeSpan duration)
        {
            Caller?.RefitEpochEnded(epoch, refitEpochs, loss, accuracy, duration);
            reporter.Report(new EpochProgress(phase, seed, epoch, refitEpochs, loss, accuracy, null, null, duration));
        }
    }
}
