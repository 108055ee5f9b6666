
namespace ImdbSentiment.Model.Serving;

/// <summary>How to read the file that <see cref="CsvBatchScorer"/> scores.</summary>
public sealed record CsvScoringOptions
{
    /// <summary>
    /// A header name or a 0-based index. Default: the only column, the other column of a label and a text, or the
    /// header column named "text" or "review".
    /// </summary>
    public string? TextColumn { get; init; }

    /// <summary>Whether the first row names the columns. Default: detected by the rule train and evaluate use.</summary>
    public bool? HasHeader { get; init; }

    /// <summary>Default: detected from the first line.</summary>
    public char? Separator { get; init; }

    /// <summary>Leave rows with an empty text unscored (empty prediction cells) instead of failing on them.</summary>
    public bool SkipEmptyText { get; init; }
}

/// <summary>How many rows were scored, how many were left unscored for an empty text, and whether a header row was copied.</summary>
public sealed record CsvScoringResult(long RowsScored, long RowsSkipped, bool HasHeader);
