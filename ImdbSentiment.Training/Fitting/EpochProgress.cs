namespace ImdbSentiment.Training.Fitting;

/// <summary>Which run of a fit an epoch belongs to.</summary>
public enum TrainingPhase
{
    /// <summary>A candidate seed of the initialisation guard (<see cref="FitSettings.InitializationTrials"/>).</summary>
    InitializationTrial,

    /// <summary>The run that early stopping watches; its best epoch's weights are kept unless a refit follows.</summary>
    Training,

    /// <summary>The refit on training and validation reviews together (<see cref="FitSettings.RefitOnAllData"/>): no validation figures.</summary>
    Refit,
}

/// <summary>
/// One finished epoch, as <see cref="SentimentNetworkOptions.Progress"/> receives it: Keras's log line as a value.
/// <see cref="ValidationLoss"/> and <see cref="ValidationAccuracy"/> are null in the refit, which trains on the validation reviews.
/// </summary>
public sealed record EpochProgress(
    TrainingPhase Phase, int Seed, int Epoch, int Epochs, double Loss, double Accuracy, double? ValidationLoss, double? ValidationAccuracy, TimeSpan Duration)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Phase} (seed {Seed}) epoch {Epoch}/{Epochs} - {Duration.TotalSeconds:F1}s - loss: {Loss:F4} - accuracy: {Accuracy:F4}")
        + (ValidationLoss is { } loss ? FormattableString.Invariant($" - val_loss: {loss:F4} - val_accuracy: {ValidationAccuracy:F4}") : "");
}
