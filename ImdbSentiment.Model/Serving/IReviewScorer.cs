namespace ImdbSentiment.Model.Serving;

/// <summary>Scores one review at a time on one thread.</summary>
internal interface IReviewScorer : IDisposable
{
    /// <summary>The review's probability of being positive; the text must have words (see <see cref="ReviewText"/>).</summary>
    float Probability(string text);
}
