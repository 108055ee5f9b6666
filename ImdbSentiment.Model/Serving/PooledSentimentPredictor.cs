namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Thread-safe predictions for a web app or any multi-threaded host, without ML.NET's per-row pipeline: the featurizer
/// from the zip's model spec and one onnxruntime session (<see cref="SentimentScorer"/>), with a pool of pre-bound
/// single-review inputs that calls borrow and return. The probability agrees with the PredictionEngine's on the same
/// zip within 1e-5. Disposing it releases the session.
/// </summary>
public sealed class PooledSentimentPredictor : IDisposable
{
    private readonly SentimentScorer _scorer;

    /// <param name="maximumRetained">How many idle single-review inputs the pool keeps; 0 keeps twice the core count.</param>
    public PooledSentimentPredictor(SentimentModel model, int maximumRetained = 0)
        : this(SentimentScorer.Over(model, maximumRetained))
    {
    }

    private PooledSentimentPredictor(SentimentScorer scorer) => _scorer = scorer;

    /// <summary>Serves the model zip at <paramref name="modelPath"/> without loading it through ML.NET.</summary>
    public static PooledSentimentPredictor Open(string modelPath, int maximumRetained = 0) => new(SentimentScorer.Open(modelPath, maximumRetained));

    /// <summary>The review's label, probability of positive and logit (the PredictionEngine's Score).</summary>
    /// <exception cref="ArgumentNullException">The text is null.</exception>
    /// <exception cref="ArgumentException">The text is empty or has no letter or digit (<see cref="ReviewText"/>): the rule of every command.</exception>
    public SentimentPrediction Predict(string text) => _scorer.Predict(text);

    internal SentimentScorer Scorer => _scorer;

    public void Dispose() => _scorer.Dispose();
}
