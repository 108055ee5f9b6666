using System.Globalization;

namespace ImdbSentiment.Model.Data;

/// <summary>Finding a column of a delimited file by 0-based index or by header name, and naming the header in errors.</summary>
internal static class DelimitedColumns
{
    public static bool TryParseIndex(string column, out int index) =>
        int.TryParse(column.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out index);

    /// <summary>The header field equal to <paramref name="name"/> ignoring case and surrounding spaces, or -1.</summary>
    public static int FindName(string[] header, string name) =>
        Array.FindIndex(header, field => field.Trim().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string ListHeader(string[] header) => string.Join(", ", header.Select(field => $"'{field}'"));
}
