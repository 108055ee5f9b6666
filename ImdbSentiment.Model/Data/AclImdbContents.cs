namespace ImdbSentiment.Model.Data;

/// <summary>
/// Everything one pass over an aclImdb folder or archive found: the review files (unsup/ only when asked for) and the
/// url lists (train/urls_pos.txt ...), keyed by split and class folder, one movie page a line.
/// </summary>
internal sealed record AclImdbContents(List<AclImdbReviewFile> Reviews, Dictionary<(string Split, string ClassFolder), string[]> UrlLists);
