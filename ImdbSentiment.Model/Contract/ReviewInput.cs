namespace ImdbSentiment.Model;

/// <summary>What a caller gives a PredictionEngine: the raw text of one review.</summary>
public sealed class ReviewInput
{
    public string Text { get; set; } = "";
}
