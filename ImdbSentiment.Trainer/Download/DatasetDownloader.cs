using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace ImdbSentiment.Trainer.Download;

/// <summary>
/// Downloads one file into a destination path, resuming an interrupted download from its ".partial" file
/// and moving it into place only once its SHA-256 (and size, when known) is the expected one.
/// </summary>
internal sealed class DatasetDownloader : IDisposable
{
    public const int BufferSize = 81_920;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <param name="httpClient">Used as is and not disposed; when null, a client is created and disposed with this downloader.</param>
    public DatasetDownloader(Uri uri, long? expectedSize, string expectedSha256, string destinationPath, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        if (expectedSize is < 0)
            throw new ArgumentOutOfRangeException(nameof(expectedSize), expectedSize, "The expected size cannot be negative.");
        if (expectedSha256 is not { Length: 64 } || !expectedSha256.All(char.IsAsciiHexDigit))
            throw new ArgumentException($"Expected a SHA-256 as 64 hexadecimal digits, got '{expectedSha256}'.", nameof(expectedSha256));

        Uri = uri;
        ExpectedSize = expectedSize;
        ExpectedSha256 = expectedSha256.ToLowerInvariant();
        DestinationPath = Path.GetFullPath(destinationPath);
        _ownsHttp = httpClient is null;
        _http = httpClient ?? CreateHttpClient();
    }

    /// <summary>A downloader for the official aclImdb_v1.tar.gz, by default into the per-user cache folder.</summary>
    public static DatasetDownloader ForAclImdb(string? destinationPath = null, HttpClient? httpClient = null) =>
        new(AclImdbSource.Uri, AclImdbSource.SizeBytes, AclImdbSource.Sha256, destinationPath ?? DatasetCache.AclImdbArchivePath, httpClient);

    public Uri Uri { get; }

    public long? ExpectedSize { get; }

    /// <summary>Lower-case hexadecimal.</summary>
    public string ExpectedSha256 { get; }

    public string DestinationPath { get; }

    public string PartialPath => DestinationPath + ".partial";

    /// <summary>How long to wait for the response headers, and then for each block of data, before giving up.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Returns the destination path once it holds the expected file: at once when it already does, otherwise after
    /// downloading (or resuming) and verifying it. Throws <see cref="DownloadException"/> on a network failure, which
    /// keeps the partial file for the next attempt, or on a wrong file, which is deleted. Cancelling keeps the partial file.
    /// </summary>
    public async Task<string> DownloadAsync(IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var throttle = new ProgressThrottle(progress, ExpectedSize, ProgressInterval);
        if (await HasExpectedContentAsync(DestinationPath, cancellationToken).ConfigureAwait(false))
        {
            throttle.ReportFinal(new FileInfo(DestinationPath).Length);
            return DestinationPath;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(DestinationPath)!);
        try
        {
            await FetchIntoPartialAsync(throttle, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException error)
        {
            // Either our idle timer or the HttpClient's own Timeout, which reports itself as an inner TimeoutException.
            var reason = error.InnerException is TimeoutException timeout
                ? timeout.Message
                : $"timed out after {IdleTimeout.TotalSeconds:0.#} s without data";
            throw NetworkFailure(reason, error);
        }
        catch (HttpRequestException error)
        {
            throw NetworkFailure(error.Message, error);
        }

        var length = await VerifyPartialAsync(cancellationToken).ConfigureAwait(false);
        File.Move(PartialPath, DestinationPath, overwrite: true);
        throttle.ReportFinal(length);
        return DestinationPath;
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }

    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30), AutomaticDecompression = DecompressionMethods.None })
        {
            // IdleTimeout bounds each wait instead: an overall limit would cut slow but healthy downloads short.
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private async Task<bool> HasExpectedContentAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists || (ExpectedSize is { } size && file.Length != size))
            return false;
        return await HashAsync(path, cancellationToken).ConfigureAwait(false) == ExpectedSha256;
    }

    /// <summary>Leaves the partial file as long as the server's file, or throws with what was received so far kept.</summary>
    private async Task FetchIntoPartialAsync(ProgressThrottle throttle, CancellationToken cancellationToken)
    {
        var offset = File.Exists(PartialPath) ? new FileInfo(PartialPath).Length : 0;
        if (ExpectedSize is { } size && offset >= size)
        {
            if (offset == size)
                return; // Complete from an earlier run that stopped before moving it into place; verification decides.
            offset = StartOver();
        }

        for (var attempt = 1; ; attempt++)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(IdleTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, Uri);
            if (offset > 0)
                request.Headers.Range = new RangeHeaderValue(offset, null);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
            var contentRange = response.Content.Headers.ContentRange;

            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && offset > 0)
            {
                if (contentRange?.Length == offset)
                    return; // Nothing left to fetch.
            }
            else if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(), null, response.StatusCode);
            }
            else if (response.StatusCode != HttpStatusCode.PartialContent || contentRange?.From == offset)
            {
                var resumed = response.StatusCode == HttpStatusCode.PartialContent;
                var start = resumed ? offset : 0;
                var announcedTotal = resumed ? contentRange!.Length ?? start + response.Content.Headers.ContentLength : response.Content.Headers.ContentLength;
                if (announcedTotal > ExpectedSize)
                    throw Oversized($"it announces {announcedTotal:N0}; nothing was read");
                throttle.TotalBytes ??= announcedTotal;
                await CopyBodyAsync(response, start, announcedTotal, throttle, idle).ConfigureAwait(false);
                return;
            }

            // A range the server cannot serve, or served from another offset than asked: fetch the whole file instead.
            if (attempt > 1)
                throw new HttpRequestException($"the server answered {(int)response.StatusCode} to a request for the whole file", null, response.StatusCode);
            offset = StartOver();
        }
    }

    private long StartOver()
    {
        File.Delete(PartialPath);
        return 0;
    }

    private async Task CopyBodyAsync(HttpResponseMessage response, long start, long? announcedTotal, ProgressThrottle throttle, CancellationTokenSource idle)
    {
        // A 200 answer to a range request starts from the beginning, so the partial file is truncated.
        var mode = start > 0 ? FileMode.Append : FileMode.Create;
        await using var file = new FileStream(PartialPath, mode, FileAccess.Write, FileShare.Read, BufferSize, FileOptions.Asynchronous);
        await using var body = await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false);
        var buffer = new byte[BufferSize];
        var received = start;
        throttle.Report(received);
        while (true)
        {
            idle.CancelAfter(IdleTimeout);
            // At most one byte past the expected size is read, and none of it is written: a server that sends more is
            // not sending the expected file.
            var wanted = ExpectedSize is { } size ? (int)Math.Min(buffer.Length, size - received + 1) : buffer.Length;
            var count = await ReadFromNetworkAsync(body, buffer.AsMemory(0, wanted), idle.Token).ConfigureAwait(false);
            if (count == 0)
                break;
            if (received + count > ExpectedSize)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                File.Delete(PartialPath);
                throw Oversized("stopped reading there and deleted the partial download");
            }
            await file.WriteAsync(buffer.AsMemory(0, count), idle.Token).ConfigureAwait(false);
            received += count;
            throttle.Report(received);
        }

        // A connection closed early without an announced length ends like a complete body; the expected size tells them apart.
        var fullLength = announcedTotal ?? ExpectedSize;
        if (received < fullLength)
            throw new HttpRequestException($"the connection closed after {received:N0} of {fullLength:N0} bytes");
    }

    /// <summary>Turns failures of the response stream into <see cref="HttpRequestException"/>, so they are told apart from disk errors.</summary>
    private static async ValueTask<int> ReadFromNetworkAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException error) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(error.Message, error, cancellationToken);
        }
        catch (IOException error)
        {
            throw new HttpRequestException(error.Message, error);
        }
    }

    /// <summary>Returns the partial file's length when it is the expected file; otherwise deletes it and throws.</summary>
    private async Task<long> VerifyPartialAsync(CancellationToken cancellationToken)
    {
        var length = new FileInfo(PartialPath).Length;
        var actualSha256 = await HashAsync(PartialPath, cancellationToken).ConfigureAwait(false);
        var sizeMismatch = ExpectedSize is { } size && length != size;
        if (actualSha256 == ExpectedSha256 && !sizeMismatch)
            return length;

        File.Delete(PartialPath);
        var sizeNote = sizeMismatch ? $" (and it has {length:N0} bytes, expected {ExpectedSize:N0})" : "";
        throw new DownloadException(Uri,
            $"The file downloaded from {Uri} is not the expected one: expected sha256 {ExpectedSha256}, actual sha256 {actualSha256}{sizeNote}. " +
            $"The downloaded file was deleted; retry the download, or get {DownloadedFileName} yourself and pass it with --dataset PATH.");
    }

    private DownloadException Oversized(string what) => new(Uri,
        $"The server at {Uri} sends more than the expected {ExpectedSize:N0} bytes ({what}): it is not the expected file. " +
        $"Retry the download later, or get {DownloadedFileName} yourself and pass it with --dataset PATH.");

    private DownloadException NetworkFailure(string reason, Exception error)
    {
        var partialLength = File.Exists(PartialPath) ? new FileInfo(PartialPath).Length : 0;
        if (partialLength == 0)
            File.Delete(PartialPath);
        var kept = partialLength > 0
            ? $" The {partialLength:N0} bytes received so far are kept in {PartialPath}; the next attempt resumes from there."
            : "";
        return new DownloadException(Uri,
            $"The archive could not be downloaded from {Uri}: {reason.TrimEnd('.')}.{kept} " +
            $"To train offline, download {DownloadedFileName} yourself and pass it with --dataset PATH " +
            "(a .tar.gz or an extracted aclImdb folder), or pass a CSV/TSV file.",
            error);
    }

    private string DownloadedFileName
    {
        get
        {
            var name = Uri.UnescapeDataString(Uri.Segments.LastOrDefault() ?? "").Trim('/');
            return name.Length > 0 ? name : Path.GetFileName(DestinationPath);
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
