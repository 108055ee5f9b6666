using ImdbSentiment.Trainer.Download;

namespace ImdbSentiment.Tests.Download;

/// <summary>Records reports synchronously, unlike <see cref="Progress{T}"/>, which posts them for later.</summary>
internal sealed class ProgressLog : IProgress<DownloadProgress>
{
    private readonly List<DownloadProgress> _reports = [];

    public IReadOnlyList<DownloadProgress> Reports
    {
        get
        {
            lock (_reports)
                return [.. _reports];
        }
    }

    public void Report(DownloadProgress value)
    {
        lock (_reports)
            _reports.Add(value);
    }
}
