namespace ImdbSentiment.Model;

/// <summary>What a PredictionEngine returns for one review.</summary>
public sealed class SentimentPrediction
{
    /// <summary>True when the review is predicted positive (Probability >= 0.5).</summary>
    public bool PredictedLabel { get; set; }

    /// <summary>Probability that the review is positive.</summary>
    public float Probability { get; set; }

    /// <summary>The network's logit: the log-odds of a positive review.</summary>
    public float Score { get; set; }
}
