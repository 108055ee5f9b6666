using System.Globalization;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Trainer.Output;

/// <summary>
/// Keras's training log: a live progress bar for the current epoch (on a terminal only) and one line per epoch with
/// loss, accuracy, val_loss, val_accuracy and seconds.
/// </summary>
internal sealed class EpochLogMonitor(TextWriter output, int epochs, bool live) : ITrainingMonitor
{
    private const int BarWidth = 30;
    private DateTime _lastDraw = DateTime.MinValue;
    private bool _checkpointed = true;

    public void NetworkStarted(string network, int networkEpochs, bool checkpointed)
    {
        (epochs, _checkpointed) = (networkEpochs, checkpointed);
        output.WriteLine($"Training {network}:");
    }

    public void BatchEnded(BatchProgress progress)
    {
        if (!live || (DateTime.UtcNow - _lastDraw).TotalMilliseconds < 100 && progress.Batch != progress.BatchCount)
            return;

        _lastDraw = DateTime.UtcNow;
        var filled = BarWidth * progress.Batch / progress.BatchCount;
        var bar = new string('=', filled) + (filled < BarWidth ? ">" + new string('.', BarWidth - filled - 1) : "");
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"\rEpoch {progress.Epoch}/{epochs} {progress.Batch}/{progress.BatchCount} [{bar}] loss: {progress.Loss:F4} - accuracy: {progress.Accuracy:F4}"));
    }

    public void EpochEnded(EpochMetrics metrics, bool improved)
    {
        if (live)
            output.Write("\r" + new string(' ', 100) + "\r");
        output.WriteLine(FormatEpoch(metrics, epochs, improved, _checkpointed));
    }

    public void WordVectorsLoaded(WordVectorCoverage coverage) => output.WriteLine(coverage);

    public void TrialEnded(InitializationTrial trial) =>
        output.WriteLine(trial.Failed
            ? $"Initialisation trial, seed {trial.Seed}: diverged (the loss is not a finite number), not a candidate"
            : string.Create(CultureInfo.InvariantCulture, $"Initialisation trial, seed {trial.Seed}: val_loss {trial.ValidationLoss:F4}"));

    public void RefitEpochEnded(int epoch, int epochs, double loss, double accuracy, TimeSpan duration) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Refit epoch {epoch}/{epochs} on training + validation reviews - {duration.TotalSeconds:F1}s - loss: {loss:F4} - accuracy: {accuracy:F4}"));

    private static string FormatEpoch(EpochMetrics metrics, int epochs, bool improved, bool checkpointed) => string.Create(CultureInfo.InvariantCulture,
        $"Epoch {metrics.Epoch}/{epochs} - {metrics.Duration.TotalSeconds:F1}s - loss: {metrics.Loss:F4} - accuracy: {metrics.Accuracy:F4} - val_loss: {metrics.ValidationLoss:F4} - val_accuracy: {metrics.ValidationAccuracy:F4}{(improved ? checkpointed ? " (best so far, checkpoint saved)" : " (best so far)" : "")}");
}
