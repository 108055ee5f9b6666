namespace ImdbSentiment.Model.Data;

/// <summary>
/// The one rule every command uses to decide, unless told, whether a delimited file's first row names its columns:
/// a column given by name needs a header; a row that cannot be a data row (train and evaluate need a label value in
/// every row) is a header; a row holding a default column name (label, sentiment, text, review) is a header; any other
/// row is data, so that a review is never dropped as if it were a header.
/// </summary>
internal static class DelimitedHeaderRule
{
    public static IReadOnlyList<string> LabelNames { get; } = ["label", "sentiment"];

    public static IReadOnlyList<string> TextNames { get; } = ["text", "review"];

    /// <param name="rowsHoldLabels">True when every data row has a label (train, evaluate); false for score.</param>
    public static bool StartsWithHeader(string[] fields, string? labelColumn, string? textColumn, bool rowsHoldLabels)
    {
        if (IsName(labelColumn) || IsName(textColumn))
            return true;
        if (rowsHoldLabels && !HoldsLabel(fields, labelColumn))
            return true;
        return fields.Any(field => LabelNames.Concat(TextNames).Any(name => DelimitedColumns.IsNamed(field, name)));
    }

    private static bool IsName(string? column) => column is not null && !DelimitedColumns.TryParseIndex(column, out _);

    private static bool HoldsLabel(string[] fields, string? labelColumn)
    {
        if (labelColumn is null)
            return fields.Any(field => ReviewLabel.TryParse(field, out _));
        return DelimitedColumns.TryParseIndex(labelColumn, out var index) && index < fields.Length && ReviewLabel.TryParse(fields[index], out _);
    }
}
