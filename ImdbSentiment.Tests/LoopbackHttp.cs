using System.Net;
using System.Net.Sockets;

namespace ImdbSentiment.Tests;

/// <summary>The plumbing of the tests' HTTP servers on 127.0.0.1: a free port, a started listener, the next request.</summary>
internal static class LoopbackHttp
{
    /// <summary>A port nothing listens on at the moment of asking.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static (HttpListener Listener, int Port) StartListener()
    {
        // Another process may take the probed port before the listener binds it; a few tries make that harmless.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>The next request, or null once the listener is stopped.</summary>
    public static async Task<HttpListenerContext?> NextRequestAsync(HttpListener listener)
    {
        try
        {
            return await listener.GetContextAsync();
        }
        catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }
    }
}
