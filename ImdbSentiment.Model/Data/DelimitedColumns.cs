using System.Globalization;

namespace ImdbSentiment.Model.Data;

/// <summary>Finding a column of a delimited file by 0-based index or by header name, and naming the header in errors.</summary>
internal static class DelimitedColumns
{
    public static bool TryParseIndex(string column, out int index) =>
        int.TryParse(column.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out index);

    /// <summary>The header field equal to <paramref name="name"/> ignoring case and surrounding spaces, or -1.</summary>
    public static int FindName(string[] header, string name) => Array.FindIndex(header, field => IsNamed(field, name));

    /// <summary>The first header field named any of <paramref name="names"/> (tried in order), or -1.</summary>
    public static int FindAnyName(string[] header, IEnumerable<string> names) =>
        names.Select(name => FindName(header, name)).FirstOrDefault(index => index >= 0, -1);

    public static bool IsNamed(string field, string name) => field.Trim().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase);

    public static string ListHeader(string[] header) => string.Join(", ", header.Select(field => $"'{field}'"));
}
