using System.Globalization;

namespace ImdbSentiment.Model;

/// <summary>
/// The one rule for a size setting over its ceiling: refused before any data is read, the message naming the setting,
/// the ceiling and why there is one (an ArgumentOutOfRangeException carrying the value given).
/// </summary>
internal static class SettingCeiling
{
    public static void Require(long value, long most, string name, string why)
    {
        if (value > most)
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be at most {most:N0}: {why}."));
    }
}
