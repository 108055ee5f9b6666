using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Training.Fitting;

/// <summary>What a training run did: every epoch's metrics, the epoch whose weights were kept, and why it stopped.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochMetrics> History, int BestEpoch, bool StoppedEarly, bool Cancelled)
{
    /// <summary>The kept epoch's metrics; null when training was cancelled before any epoch ended.</summary>
    public EpochMetrics? Best => History.FirstOrDefault(epoch => epoch.Epoch == BestEpoch);

    /// <summary>The seed the run used and, when the initialisation guard was on, the candidates it tried.</summary>
    public InitializationTrials? Initialization { get; init; }

    /// <summary>
    /// The reviews the kept network was refitted on (training and validation together, for <see cref="BestEpoch"/>
    /// epochs) after early stopping chose the epoch count; 0 when it was not refitted. The history's validation figures
    /// are the early-stopping run's; the refitted network has seen the validation reviews.
    /// </summary>
    public long RefitReviews { get; init; }

    /// <summary>How much of the vocabulary the word vectors started; null when the embedding started at random.</summary>
    public WordVectorCoverage? WordVectors { get; init; }

    /// <summary>How this network was fused with its partner (<see cref="SentimentNetworkOptions.FusedWith"/>); null for one network.</summary>
    public FusionResult? Fusion { get; init; }
}
