namespace ImdbSentiment.Model.Data;

/// <summary>The fields of one delimited record and the 1-based line it starts on.</summary>
internal readonly record struct DelimitedRecord(long Line, string[] Fields);
