namespace ImdbSentiment.Model.Data;

/// <summary>Separators by name ("comma", "tab", "semicolon") or as the character itself.</summary>
internal static class SeparatorNames
{
    private static readonly (string Name, char Separator)[] Known = [("comma", ','), ("tab", '\t'), ("semicolon", ';')];

    /// <summary>Accepts a name in any case, the character itself, or "\t" typed as two characters.</summary>
    public static bool TryParse(string? value, out char separator)
    {
        separator = default;
        if (value is null)
            return false;
        // A lone tab is whitespace, so only longer values are trimmed.
        var name = value.Length == 1 ? value : value.Trim();
        if (name == "\\t")
            name = "\t";
        foreach (var known in Known)
        {
            if (name.Equals(known.Name, StringComparison.OrdinalIgnoreCase) || name == known.Separator.ToString())
            {
                separator = known.Separator;
                return true;
            }
        }
        return false;
    }

    /// <exception cref="ArgumentException">The value is not a known separator.</exception>
    public static char Parse(string value) =>
        TryParse(value, out var separator)
            ? separator
            : throw new ArgumentException($"Unknown separator '{value}': expected comma, tab or semicolon, or the character itself (',', ';', a tab or \\t).", nameof(value));

    /// <summary>A readable name for messages: "a comma ','", "a tab", "a semicolon ';'", or the character in quotes.</summary>
    public static string Describe(char separator) => separator switch
    {
        ',' => "a comma ','",
        '\t' => "a tab",
        ';' => "a semicolon ';'",
        _ => $"'{separator}'",
    };
}
