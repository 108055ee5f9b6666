using System.Net;
using ImdbSentiment.Model.Download;

namespace ImdbSentiment.Trainer.NasBert;

/// <summary>
/// Fetches NAS-BERT's weights into the file ML.NET looks for, through a temporary file in the same folder that is
/// renamed into place only once the whole body arrived, so an interrupted download never leaves a file ML.NET would
/// take for the weights. No checksum is published for the file; ML.NET's own load is what tells a wrong file apart.
/// </summary>
internal sealed class NasBertWeightsDownloader(Uri source, string destinationPath, HttpClient? httpClient = null)
{
    private const int BufferSize = 81_920;

    public Uri Source { get; } = source;

    public string DestinationPath { get; } = Path.GetFullPath(destinationPath);

    /// <summary>How long to wait for the response headers, and then for each block of data, before giving up.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Returns the destination path at once when the file is there, otherwise after downloading it. Throws a
    /// <see cref="DownloadException"/> with the one-line explanation when the server cannot be reached or answers with an error.
    /// </summary>
    public async Task<string> EnsureAsync(IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (File.Exists(DestinationPath))
            return DestinationPath;

        var folder = Path.GetDirectoryName(DestinationPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(DestinationPath)}.{Guid.NewGuid():N}.partial");
        var http = httpClient ?? CreateHttpClient();
        try
        {
            await FetchAsync(http, temporary, progress, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, DestinationPath, overwrite: true);
            return DestinationPath;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException error)
        {
            throw Failure($"no answer for {IdleTimeout.TotalSeconds:0.#} s", error);
        }
        catch (HttpRequestException error)
        {
            throw Failure(error.Message, error);
        }
        finally
        {
            File.Delete(temporary);
            if (httpClient is null)
                http.Dispose();
        }
    }

    /// <summary>The one line a user sees when the weights cannot be fetched.</summary>
    public static string FailureMessage(Uri source, string reason, string cachePath) =>
        $"NAS-BERT's pretrained weights could not be downloaded from {source}: {reason.Trim().TrimEnd('.')}; " +
        $"--model nasbert needs them once (they are then cached in {cachePath}); " +
        $"set {NasBertWeights.BaseUrlVariable} to a mirror that serves {NasBertWeights.RelativeUrl} (or copy the file to that path), " +
        "or use an RNN model (e.g. --model lstm).";

    private DownloadException Failure(string reason, Exception error) =>
        new(Source, FailureMessage(Source, reason, DestinationPath), error);

    private async Task FetchAsync(HttpClient http, string temporary, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(IdleTimeout);
        using var response = await http.GetAsync(Source, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(), null, response.StatusCode);

        var total = response.Content.Headers.ContentLength;
        await using var body = await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false);
        await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        var buffer = new byte[BufferSize];
        long received = 0;
        while (true)
        {
            idle.CancelAfter(IdleTimeout);
            int count;
            try
            {
                count = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
            }
            catch (IOException error) when (!idle.IsCancellationRequested)
            {
                throw new HttpRequestException(error.Message, error);
            }
            if (count == 0)
                break;
            await file.WriteAsync(buffer.AsMemory(0, count), idle.Token).ConfigureAwait(false);
            received += count;
            progress?.Report(new DownloadProgress(received, total));
        }
        if (total is { } length && received != length)
            throw new HttpRequestException($"the connection closed after {received:N0} of {length:N0} bytes");
    }

    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30), AutomaticDecompression = DecompressionMethods.None })
        {
            // IdleTimeout bounds each wait instead: an overall limit would cut slow but healthy downloads short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
