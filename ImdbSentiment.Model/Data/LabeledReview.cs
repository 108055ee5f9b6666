namespace ImdbSentiment.Model.Data;

/// <summary>One review with its sentiment: the row type of every training and evaluation IDataView.</summary>
public sealed class LabeledReview
{
    public string Text { get; set; } = "";

    /// <summary>True for a positive review.</summary>
    public bool Label { get; set; }

    /// <summary>
    /// What the review belongs to, e.g. its movie (the aclImdb url lists) or a CSV's group column; reviews of one group
    /// stay on one side of a group split. Empty when unknown.
    /// </summary>
    public string Group { get; set; } = "";
}
