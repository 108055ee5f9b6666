using System.Collections.Concurrent;
using System.Net;
using ImdbSentiment.Tests.Download;

namespace ImdbSentiment.Tests.NasBert;

/// <summary>
/// A stand-in for ML.NET's resource server on 127.0.0.1: serves one file at one path (404 for any other path, or for
/// every path when no file is given) and records the path of each request. Stops on dispose, or by itself after a minute.
/// </summary>
internal sealed class WeightsMirror : IDisposable
{
    public const string WeightsPath = "/models/NasBert2000000.tsm";

    private readonly byte[]? _file;
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _serving;

    /// <param name="file">The body served at <see cref="WeightsPath"/>; null answers every request with 404.</param>
    public WeightsMirror(byte[]? file)
    {
        _file = file;
        (_listener, Port) = LoopbackHttp.StartListener();
        _stop.Token.Register(_listener.Stop);
        _serving = ServeAsync();
    }

    public int Port { get; }

    /// <summary>What MICROSOFTML_RESOURCE_URL is set to: the base that ML.NET appends models/NasBert2000000.tsm to.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    public string WeightsUrl => $"http://127.0.0.1:{Port}{WeightsPath}";

    public IReadOnlyList<string> RequestedPaths => [.. _requests];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }


    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (await LoopbackHttp.NextRequestAsync(_listener) is not { } context)
                return;

            var path = context.Request.Url!.AbsolutePath;
            _requests.Enqueue(path);
            var response = context.Response;
            try
            {
                if (_file is null || path != WeightsPath)
                {
                    response.StatusCode = (int)HttpStatusCode.NotFound;
                    response.Close();
                    continue;
                }
                response.ContentLength64 = _file.Length;
                await response.OutputStream.WriteAsync(_file, _stop.Token);
                response.Close();
            }
            catch (Exception error) when (error is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                response.Abort();
            }
        }
    }
}
