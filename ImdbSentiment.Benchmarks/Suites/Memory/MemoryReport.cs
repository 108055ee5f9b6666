using System.Text.Json;

namespace ImdbSentiment.Benchmarks.Suites.Memory;

/// <summary>What a memory child reports to its parent: peak resident bytes after each phase, and the training outcome.</summary>
internal sealed record MemoryReport(
    long PeakAfterReadBytes, long PeakAfterFeaturizeBytes, long PeakBytes,
    int EpochsRun, int BestEpoch, double BestValidationAccuracy, long ZipBytes, double Seconds)
{
    private const string Marker = "memory-child-result ";

    public string ToLine() => Marker + JsonSerializer.Serialize(this);

    public static MemoryReport? FromOutput(string output) =>
        output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.StartsWith(Marker, StringComparison.Ordinal)) is { } line
            ? JsonSerializer.Deserialize<MemoryReport>(line[Marker.Length..])
            : null;
}
