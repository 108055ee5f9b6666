namespace ImdbSentiment.Model.Serving;

/// <summary>How many rows were scored, how many were left unscored for an empty text, and whether a header row was copied.</summary>
public sealed record CsvScoringResult(long RowsScored, long RowsSkipped, bool HasHeader);
