namespace ImdbSentiment.Model.Explain;

/// <summary>A review's prediction and the contribution of each of its words, in text order.</summary>
public sealed record Explanation(string Text, SentimentPrediction Prediction, IReadOnlyList<WordContribution> Words)
{
    /// <summary>The <paramref name="count"/> words of largest contribution, either sign, largest first (ties in text order).</summary>
    public IReadOnlyList<WordContribution> Strongest(int count) =>
        [.. Words.OrderByDescending(word => Math.Abs(word.Contribution)).Take(count)];

    /// <summary>
    /// The text before word <paramref name="index"/> and after the one before it: spaces, punctuation, markup. Index 0
    /// is what comes before the first word and index <c>Words.Count</c> what follows the last, so the gaps and the
    /// words in turn give back the whole review.
    /// </summary>
    public string TextBefore(int index)
    {
        var start = index == 0 ? 0 : Words[index - 1].Span.End;
        var end = index == Words.Count ? Text.Length : Words[index].Span.Start;
        return Text[start..end];
    }
}
