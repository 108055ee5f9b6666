using System.Diagnostics;

namespace ImdbSentiment.Benchmarks.Reporting;

/// <summary>Progress lines on standard error, stamped with the seconds since the process started, so the tables on standard output stay clean.</summary>
internal static class Progress
{
    private static readonly DateTime ProcessStart = Process.GetCurrentProcess().StartTime;

    public static void Report(string message) =>
        Console.Error.WriteLine($"[{(DateTime.Now - ProcessStart).TotalSeconds,6:0.0} s] {message}");
}
