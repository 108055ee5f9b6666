namespace ImdbSentiment.Model.Data;

/// <summary>
/// The fields of one delimited record and the 1-based line it starts on; <see cref="Text"/> is the record as it stood in
/// the file (without its line break) when the reader keeps it. An <see cref="Overlong"/> record (over
/// <see cref="RecordLimit.MaxLength"/>) has no fields.
/// </summary>
internal readonly record struct DelimitedRecord(long Line, string[] Fields, string? Text = null, bool Overlong = false);
