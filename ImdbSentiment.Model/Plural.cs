using System.Globalization;

namespace ImdbSentiment.Model;

/// <summary>A count with its noun in the right number, for messages: "1 row", "2 rows", "1,000 rows".</summary>
internal static class Plural
{
    public static string Of(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? noun : noun + "s")}");
}
