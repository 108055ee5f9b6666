namespace ImdbSentiment.Model.Rnn;

/// <summary>What a training run did: every epoch's metrics, the epoch whose weights were kept, and why it stopped.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochMetrics> History, int BestEpoch, bool StoppedEarly, bool Cancelled)
{
    /// <summary>The kept epoch's metrics; null when training was cancelled before any epoch ended.</summary>
    public EpochMetrics? Best => History.FirstOrDefault(epoch => epoch.Epoch == BestEpoch);

    /// <summary>The seed the run used and, when the initialisation guard was on, the candidates it tried.</summary>
    public InitializationTrials? Initialization { get; init; }
}
