using System.Diagnostics;

namespace ImdbSentiment.Trainer.Download;

/// <summary>Passes progress on at most once per interval, except a final report, which always goes through.</summary>
internal sealed class ProgressThrottle(IProgress<DownloadProgress>? progress, long? totalBytes, TimeSpan interval)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastReport;

    /// <summary>The expected size, or the size the server announced when none was expected.</summary>
    public long? TotalBytes { get; set; } = totalBytes;

    public void Report(long bytesReceived)
    {
        if (progress is null || (_lastReport is { } last && _clock.Elapsed - last < interval))
            return;
        _lastReport = _clock.Elapsed;
        progress.Report(new DownloadProgress(bytesReceived, TotalBytes));
    }

    public void ReportFinal(long bytesReceived) => progress?.Report(new DownloadProgress(bytesReceived, TotalBytes ?? bytesReceived));
}
