namespace ImdbSentiment.Model.Data;

/// <summary>How to read reviews from a delimited (CSV, TSV, ...) file. Columns are a header name or a 0-based index such as "1".</summary>
public sealed record DelimitedFileOptions
{
    /// <summary>
    /// The label column. Default: with a header, the column named "label" or "sentiment"; without one, the only
    /// column whose first-row value is a label.
    /// </summary>
    public string? LabelColumn { get; init; }

    /// <summary>
    /// The review text column. Default: the other column when there are exactly two, else the header column
    /// named "text" or "review".
    /// </summary>
    public string? TextColumn { get; init; }

    /// <summary>
    /// Whether the first row names the columns. Default: detected. A label column given by name implies a header;
    /// otherwise the first row is a header when its label column (or, with none given, every field) holds no label value.
    /// </summary>
    public bool? HasHeader { get; init; }

    /// <summary>The group column (e.g. the movie): reviews of one group stay on one side of a group split. Default: none.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>Default: detected from the first line, see <see cref="SeparatorDetector.Detect"/>.</summary>
    public char? Separator { get; init; }

    /// <summary>Count and skip rows with a wrong field count, an unknown label or an empty text instead of failing.</summary>
    public bool SkipBadRows { get; init; }
}
