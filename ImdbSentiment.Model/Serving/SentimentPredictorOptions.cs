namespace ImdbSentiment.Model.Serving;

/// <summary>What <see cref="SentimentPredictorServiceCollectionExtensions.AddSentimentPredictor(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{SentimentPredictorOptions})"/> registers.</summary>
public sealed class SentimentPredictorOptions
{
    /// <summary>The model zip written by <c>imdb-sentiment train</c>; a relative path is taken from the working directory.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>How many idle single-review inputs the predictor keeps for reuse; 0 keeps twice the core count.</summary>
    public int MaximumRetainedEngines { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
            throw new ArgumentException("ModelPath is empty: give the path of a model zip written by 'imdb-sentiment train'.", nameof(ModelPath));
        ArgumentOutOfRangeException.ThrowIfNegative(MaximumRetainedEngines);
    }
}
