using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ImdbSentiment.Benchmarks.Suites.Http;

/// <summary>
/// hey (Debian's package), a real HTTP load generator, POSTing one JSON body to the server: bounded in time (-z) or
/// count (-n), with a per-request timeout, on loopback only.
/// </summary>
internal static partial class HeyRun
{
    public const string Program = "hey";

    /// <summary>hey's path on PATH, or null when it is not installed.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, Program)).FirstOrDefault(File.Exists);

    /// <param name="bound">hey's bound: ["-z", "10s"] for a time, ["-n", "2000"] for a count.</param>
    public static LoadResult Run(string hey, Uri url, string bodyFile, int concurrency, params string[] bound)
    {
        var start = new ProcessStartInfo(hey) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in bound.Concat(["-c", concurrency.ToString(CultureInfo.InvariantCulture), "-t", "20", "-m", "POST", "-T", "application/json", "-D", bodyFile, url.ToString()]))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var summary = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"hey failed with exit code {process.ExitCode}: {error.Result}");
        return Parse(summary);
    }

    internal static LoadResult Parse(string summary)
    {
        var statuses = StatusLine().Matches(summary).ToDictionary(match => match.Groups["status"].Value, match => long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture));
        var errors = ErrorSection().Match(summary) is { Success: true } section
            ? ErrorLine().Matches(section.Groups["lines"].Value).Sum(match => long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture))
            : 0;
        return new LoadResult(
            Number(RequestsPerSecond(), summary),
            Number(Percentile50(), summary) * 1000,
            Number(Percentile99(), summary) * 1000,
            statuses.Values.Sum() + errors,
            statuses.Where(status => status.Key != "200").Sum(status => status.Value) + errors);
    }

    private static double Number(Regex pattern, string summary) =>
        pattern.Match(summary) is { Success: true } match
            ? double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)
            : throw new FormatException($"hey's summary has no '{pattern}' line:\n{summary}");

    [GeneratedRegex(@"Requests/sec:\s+(?<value>[0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"50%+ in (?<value>[0-9.]+) secs")]
    private static partial Regex Percentile50();

    [GeneratedRegex(@"99%+ in (?<value>[0-9.]+) secs")]
    private static partial Regex Percentile99();

    [GeneratedRegex(@"^\s+\[(?<status>[0-9]+)\]\s+(?<count>[0-9]+) responses", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"Error distribution:\n(?<lines>(?:\s+\[[0-9]+\].*\n?)+)")]
    private static partial Regex ErrorSection();

    [GeneratedRegex(@"^\s+\[(?<count>[0-9]+)\]", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
