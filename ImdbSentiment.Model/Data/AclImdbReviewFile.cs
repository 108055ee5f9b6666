namespace ImdbSentiment.Model.Data;

/// <summary>One review file of an aclImdb split, before ordering.</summary>
internal sealed record AclImdbReviewFile(string FileName, bool Label, string Text);
