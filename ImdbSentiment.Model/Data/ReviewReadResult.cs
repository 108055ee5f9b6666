namespace ImdbSentiment.Model.Data;

/// <summary>The reviews read from a data set, and the rows skipped on the way (only with <see cref="DelimitedFileOptions.SkipBadRows"/>).</summary>
public sealed record ReviewReadResult(IReadOnlyList<LabeledReview> Reviews, IReadOnlyList<DataFormatException> SkippedRowErrors)
{
    public int SkippedRows => SkippedRowErrors.Count;
}
