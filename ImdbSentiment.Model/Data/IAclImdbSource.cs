namespace ImdbSentiment.Model.Data;

/// <summary>An aclImdb data set stored as a folder tree or as a .tar.gz archive.</summary>
internal interface IAclImdbSource
{
    /// <summary>The splits that hold at least one review in both pos/ and neg/.</summary>
    IReadOnlySet<string> FindSplits();

    /// <summary>The review files of <paramref name="split"/>, in no particular order; none when the split is absent.</summary>
    List<AclImdbReviewFile> ReadSplit(string split);
}
