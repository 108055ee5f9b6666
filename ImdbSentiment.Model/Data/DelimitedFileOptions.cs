namespace ImdbSentiment.Model.Data;

/// <summary>
/// How to read reviews from a delimited (CSV, TSV, ...) file, for training and evaluation
/// (<see cref="DelimitedReviewReader"/>) and for scoring (<see cref="Serving.CsvBatchScorer"/>), by one
/// column-resolution rule. Columns are a header name or a 0-based index such as "1".
/// </summary>
public sealed record DelimitedFileOptions
{
    /// <summary>
    /// The label column. Default: with a header, the column named "label" or "sentiment"; without one, the only
    /// column whose first-row value is a label. Scoring needs no label: there it only helps find the text.
    /// </summary>
    public string? LabelColumn { get; init; }

    /// <summary>
    /// The review text column. Default: the only column (scoring), the other column when there are exactly two, else
    /// the header column named "text" or "review".
    /// </summary>
    public string? TextColumn { get; init; }

    /// <summary>
    /// Whether the first row names the columns. Default: detected. A column given by name implies a header; when
    /// reading labelled reviews, a first row whose label column (or, with none given, every field) holds no label
    /// value is a header; a first row holding a default column name is one.
    /// </summary>
    public bool? HasHeader { get; init; }

    /// <summary>The group column (e.g. the movie): reviews of one group stay on one side of a group split. Default: none.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>Default: detected from the first line, see <see cref="SeparatorDetector.Detect"/>.</summary>
    public char? Separator { get; init; }

    /// <summary>How quotes are read. Default: <see cref="DelimitedQuoting.Lenient"/> for a tab-separated file, else <see cref="DelimitedQuoting.Rfc4180"/>.</summary>
    public DelimitedQuoting? Quoting { get; init; }

    /// <summary>
    /// Reading labelled reviews: count and skip rows with a wrong field count, an unknown label, an empty text or more
    /// than <see cref="RecordLimit.MaxLength"/> characters instead of failing.
    /// </summary>
    public bool SkipBadRows { get; init; }

    /// <summary>Scoring: leave rows with an empty text unscored (empty prediction cells) instead of failing on them.</summary>
    public bool SkipEmptyText { get; init; }
}
