using ImdbSentiment.Trainer.Download;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// The official aclImdb_v1.tar.gz in the per-user cache, downloaded (with resume and a SHA-256 check) when missing.
/// IMDB_SENTIMENT_DATASET_URL points the download at a mirror.
/// </summary>
internal static class DefaultDataset
{
    public const string UrlVariable = "IMDB_SENTIMENT_DATASET_URL";

    public static async Task<string> EnsureAsync(IAnsiConsole console, CancellationToken cancellation)
    {
        var mirror = Environment.GetEnvironmentVariable(UrlVariable);
        var uri = string.IsNullOrWhiteSpace(mirror) ? AclImdbSource.Uri : new Uri(mirror);
        using var downloader = new DatasetDownloader(uri, AclImdbSource.SizeBytes, AclImdbSource.Sha256, DatasetCache.AclImdbArchivePath);
        if (File.Exists(downloader.DestinationPath))
            return await downloader.DownloadAsync(null, cancellation);

        console.MarkupLineInterpolated($"No --dataset given: downloading the IMDB data set from {uri} into {downloader.DestinationPath}");
        if (!console.Profile.Capabilities.Interactive)
            return await downloader.DownloadAsync(null, cancellation);

        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("aclImdb_v1.tar.gz", maxValue: AclImdbSource.SizeBytes);
                var progress = new Progress<DownloadProgress>(report => task.Value = report.BytesReceived);
                return await downloader.DownloadAsync(progress, cancellation);
            });
    }
}
