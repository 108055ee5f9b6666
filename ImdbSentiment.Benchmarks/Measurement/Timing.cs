using System.Diagnostics;

namespace ImdbSentiment.Benchmarks.Measurement;

/// <summary>Wall-clock timing with <see cref="Stopwatch"/>, and repeated runs for a median.</summary>
internal static class Timing
{
    public static double Seconds(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    public static T Seconds<T>(Func<T> function, out double seconds)
    {
        var start = Stopwatch.GetTimestamp();
        var result = function();
        seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return result;
    }

    /// <summary>
    /// Runs <paramref name="measure"/> <paramref name="runs"/> times. A full collection before each run keeps one
    /// run's garbage from being collected on the next run's clock.
    /// </summary>
    public static IReadOnlyList<T> Repeat<T>(int runs, Func<T> measure)
    {
        var results = new List<T>(runs);
        for (var i = 0; i < runs; i++)
        {
            Collect();
            results.Add(measure());
        }
        return results;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
