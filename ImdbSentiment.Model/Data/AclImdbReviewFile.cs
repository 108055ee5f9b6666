namespace ImdbSentiment.Model.Data;

/// <summary>One review file of an aclImdb split, before ordering; <see cref="Label"/> is null for train/unsup.</summary>
internal sealed record AclImdbReviewFile(string Split, string ClassFolder, string FileName, bool? Label, string Text)
{
    /// <summary>The review's id, the number before the '_' of "[id]_[rating].txt": its line in the class's url list.</summary>
    public int? Id => int.TryParse(FileName.AsSpan(0, Math.Max(FileName.IndexOf('_'), 0)), out var id) ? id : null;
}
