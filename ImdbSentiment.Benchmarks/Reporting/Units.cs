using System.Globalization;

namespace ImdbSentiment.Benchmarks.Reporting;

/// <summary>Number formats shared by the tables, culture-independent.</summary>
internal static class Units
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Seconds(double seconds, int decimals = 3) => seconds.ToString("0." + new string('0', decimals), Invariant);

    public static string Microseconds(double microseconds) => microseconds.ToString("0.0", Invariant);

    public static string Milliseconds(double milliseconds) => milliseconds.ToString("0.00", Invariant);

    public static string PerSecond(double rate) => rate.ToString("#,0", Invariant);

    public static string Count(long count) => count.ToString("#,0", Invariant);

    public static string Fraction(double value) => value.ToString("0.0000", Invariant);

    /// <summary>How many times faster the first is than the second: "2.4x" when it takes 2.4 times less.</summary>
    public static string SpeedUp(double seconds, double baselineSeconds) => (baselineSeconds / seconds).ToString("0.00", Invariant) + "x";

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.00", Invariant) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", Invariant) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0", Invariant) + " KiB",
        _ => bytes.ToString(Invariant) + " B",
    };
}
