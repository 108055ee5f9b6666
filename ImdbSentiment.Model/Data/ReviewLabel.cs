namespace ImdbSentiment.Model.Data;

/// <summary>The label spellings a data file may use, in any case and with surrounding whitespace.</summary>
internal static class ReviewLabel
{
    private static readonly string[] Negative = ["0", "false", "negative", "neg"];
    private static readonly string[] Positive = ["1", "true", "positive", "pos"];

    /// <summary>The accepted values for messages: "0/1, false/true, negative/positive, neg/pos (any case)".</summary>
    public static string AcceptedValues { get; } =
        string.Join(", ", Negative.Zip(Positive, (negative, positive) => $"{negative}/{positive}")) + " (any case)";

    public static bool TryParse(string? value, out bool label)
    {
        var trimmed = value.AsSpan().Trim();
        label = Matches(trimmed, Positive);
        return label || Matches(trimmed, Negative);
    }

    private static bool Matches(ReadOnlySpan<char> value, string[] spellings)
    {
        foreach (var spelling in spellings)
        {
            if (value.Equals(spelling, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
