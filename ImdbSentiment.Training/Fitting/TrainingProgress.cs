using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Training.Fitting;

/// <summary>One epoch's Keras-style log line: training and validation loss and accuracy, and its duration.</summary>
public sealed record EpochMetrics(
    int Epoch, double Loss, double Accuracy, double ValidationLoss, double ValidationAccuracy, TimeSpan Duration);

/// <summary>The running training loss and accuracy of the current epoch after one batch.</summary>
public sealed record BatchProgress(int Epoch, int Batch, int BatchCount, double Loss, double Accuracy);

/// <summary>Told of every batch and every epoch while the estimator trains; called on the training thread.</summary>
public interface ITrainingMonitor
{
    void BatchEnded(BatchProgress progress);

    void EpochEnded(EpochMetrics metrics, bool improved);

    /// <summary>
    /// One of two fused networks starts a fit (<see cref="SentimentNetworkOptions.FusedWith"/>; the partner's second one
    /// with unlabelled reviews): its name, its epoch limit and whether its best weights are checkpointed (the partner's are
    /// not). Not called for a single network.
    /// </summary>
    void NetworkStarted(string network, int epochs, bool checkpointed)
    {
    }

    /// <summary>The word vectors were read and matched to the vocabulary, before the first epoch.</summary>
    void WordVectorsLoaded(WordVectorCoverage coverage)
    {
    }

    /// <summary>An initialisation-guard candidate finished its trial epochs.</summary>
    void TrialEnded(InitializationTrial trial)
    {
    }

    /// <summary>An epoch of the refit on training and validation reviews together ended (no validation figures: it trains on them).</summary>
    void RefitEpochEnded(int epoch, int epochs, double loss, double accuracy, TimeSpan duration)
    {
    }
}
