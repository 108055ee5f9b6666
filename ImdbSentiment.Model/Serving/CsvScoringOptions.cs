namespace ImdbSentiment.Model.Serving;

/// <summary>How to read the file that <see cref="CsvBatchScorer"/> scores.</summary>
public sealed record CsvScoringOptions
{
    /// <summary>A header name or a 0-based index. Default: the only column, or the header column named "text" or "review".</summary>
    public string? TextColumn { get; init; }

    public bool HasHeader { get; init; } = true;

    /// <summary>Default: detected from the first line.</summary>
    public char? Separator { get; init; }

    /// <summary>Leave rows with an empty text unscored (empty prediction cells) instead of failing on them.</summary>
    public bool SkipEmptyText { get; init; }
}

/// <summary>How many rows were scored, and how many were left unscored for an empty text.</summary>
public sealed record CsvScoringResult(long RowsScored, long RowsSkipped);
