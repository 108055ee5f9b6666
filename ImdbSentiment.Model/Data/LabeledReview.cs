namespace ImdbSentiment.Model.Data;

/// <summary>One review with its sentiment: the row type of every training and evaluation IDataView.</summary>
public sealed class LabeledReview
{
    public string Text { get; set; } = "";

    /// <summary>True for a positive review.</summary>
    public bool Label { get; set; }
}
