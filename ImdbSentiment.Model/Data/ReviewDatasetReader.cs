namespace ImdbSentiment.Model.Data;

/// <summary>Reads labelled reviews from an aclImdb folder or .tar.gz, or from a delimited file.</summary>
internal static class ReviewDatasetReader
{
    /// <param name="aclImdbSplit">The split to read from an aclImdb data set; unused for a delimited file.</param>
    /// <param name="options">How to read a delimited file; unused for an aclImdb data set.</param>
    public static ReviewReadResult Read(string path, string aclImdbSplit = "train", DelimitedFileOptions? options = null) =>
        AclImdbReader.IsAclImdb(path)
            ? new ReviewReadResult(AclImdbReader.Read(path, aclImdbSplit), [])
            : DelimitedReviewReader.Read(path, options);
}
