using System.Collections.Concurrent;
using System.Net;

namespace ImdbSentiment.Tests.Download;

/// <summary>
/// Serves one file over HTTP on 127.0.0.1, honouring "Range: bytes=N-" unless told otherwise, and records the Range
/// header of each request. Stops on dispose, or by itself once its lifetime is over.
/// </summary>
internal sealed class RangeFileServer : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly byte[] _content;
    private readonly int? _closeFirstResponseAfter;
    private readonly int? _stallAfter;
    private readonly bool _ignoreRange;
    private readonly HttpStatusCode? _failWith;
    private readonly bool _chunked;
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new(Lifetime);
    private readonly ConcurrentQueue<string?> _rangeHeaders = new();
    private readonly ConcurrentBag<Task> _responses = [];
    private readonly Task _acceptLoop;

    /// <param name="closeFirstResponseAfter">Drop the connection of the first response after this many bytes of the body.</param>
    /// <param name="stallAfter">Send this many bytes of the body, then nothing more until the server stops.</param>
    /// <param name="ignoreRange">Answer range requests with 200 and the whole file.</param>
    /// <param name="failWith">Answer every request with this status and no body.</param>
    /// <param name="chunked">Send the body in chunks, without announcing its length.</param>
    public RangeFileServer(byte[] content, int? closeFirstResponseAfter = null, int? stallAfter = null, bool ignoreRange = false, HttpStatusCode? failWith = null,
        bool chunked = false)
    {
        _content = content;
        _closeFirstResponseAfter = closeFirstResponseAfter;
        _stallAfter = stallAfter;
        _ignoreRange = ignoreRange;
        _failWith = failWith;
        _chunked = chunked;
        (_listener, Port) = LoopbackHttp.StartListener();
        _stop.Token.Register(_listener.Stop);
        _acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    public Uri FileUri => new($"http://127.0.0.1:{Port}/aclImdb_v1.tar.gz");

    public int RequestCount => _rangeHeaders.Count;

    /// <summary>The Range header of each request in arrival order, null when absent.</summary>
    public IReadOnlyList<string?> RangeHeaders => [.. _rangeHeaders];

    /// <summary>A port that nothing listens on, at least for a moment.</summary>

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        Task.WaitAll([_acceptLoop, .. _responses], TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }


    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (await LoopbackHttp.NextRequestAsync(_listener) is not { } context)
                return;
            _rangeHeaders.Enqueue(context.Request.Headers["Range"]);
            _responses.Add(RespondAsync(context.Response, context.Request.Headers["Range"], isFirst: _rangeHeaders.Count == 1));
        }
    }

    private async Task RespondAsync(HttpListenerResponse response, string? range, bool isFirst)
    {
        try
        {
            if (_failWith is { } status)
            {
                response.StatusCode = (int)status;
                response.Close();
                return;
            }

            response.Headers["Accept-Ranges"] = "bytes";
            var start = 0;
            if (range is not null && !_ignoreRange && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
            {
                start = int.Parse(range["bytes=".Length..^1]);
                if (start >= _content.Length)
                {
                    response.StatusCode = (int)HttpStatusCode.RequestedRangeNotSatisfiable;
                    response.Headers["Content-Range"] = $"bytes */{_content.Length}";
                    response.Close();
                    return;
                }
                response.StatusCode = (int)HttpStatusCode.PartialContent;
                response.Headers["Content-Range"] = $"bytes {start}-{_content.Length - 1}/{_content.Length}";
            }
            if (_chunked)
                response.SendChunked = true;
            else
                response.ContentLength64 = _content.Length - start;

            var body = response.OutputStream;
            if (isFirst && _closeFirstResponseAfter is { } cut)
            {
                await body.WriteAsync(_content.AsMemory(start, cut), _stop.Token);
                await body.FlushAsync(_stop.Token);
                response.Abort();
                return;
            }
            if (_stallAfter is { } stall)
            {
                await body.WriteAsync(_content.AsMemory(start, stall), _stop.Token);
                await body.FlushAsync(_stop.Token);
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
            await body.WriteAsync(_content.AsMemory(start), _stop.Token);
            response.Close();
        }
        catch (Exception error) when (error is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
            response.Abort();
        }
    }
}
