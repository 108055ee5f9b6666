using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// A graceful stop that loses no request sent on a keep-alive connection. Kestrel's own stop closes every idle
/// connection at once, and a client sending its next request on one at that moment loses it (HTTP/1.1 cannot tell
/// the two apart). So the stop first closes the listening sockets (a new connection is refused, which a client knows
/// it may retry), then answers every request with "Connection: close", so that each client closes its connection
/// after an answer, and waits until they are all closed or <see cref="IdleTime"/> has passed; only then does Kestrel
/// stop, closing what is still idle and answering what is in flight.
/// </summary>
internal sealed class ConnectionDrain : IConnectionListenerFactory
{
    /// <summary>How long a connection may stay idle after the signal before it is closed without a request.</summary>
    public static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(3);

    private IConnectionListenerFactory? _transport;
    private readonly ConcurrentBag<IConnectionListener> _listeners = [];
    private readonly TaskCompletionSource _allClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _open;
    private volatile bool _draining;

    /// <summary>Listens through <paramref name="transport"/>, keeping its listeners to close them first.</summary>
    public ConnectionDrain Over(IConnectionListenerFactory transport)
    {
        _transport = transport;
        return this;
    }

    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var listener = await (_transport ?? throw new InvalidOperationException("no transport to listen through")).BindAsync(endpoint, cancellationToken);
        _listeners.Add(listener);
        return listener;
    }

    /// <summary>Counts the open connections of every endpoint.</summary>
    public void Count(ListenOptions listen) => listen.Use(next => async connection =>
    {
        Interlocked.Increment(ref _open);
        try
        {
            await next(connection);
        }
        finally
        {
            if (Interlocked.Decrement(ref _open) == 0 && _draining)
                _allClosed.TrySetResult();
        }
    });

    /// <summary>Once the stop has begun, every response (one in flight included) tells its client to close the connection.</summary>
    public void Use(WebApplication app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (_draining)
                context.Response.Headers.Connection = "close";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>Stops listening, then waits until every connection is closed or has been idle for <see cref="IdleTime"/>.</summary>
    public async Task DrainAsync()
    {
        foreach (var listener in _listeners)
            await listener.UnbindAsync();
        _draining = true;
        if (Volatile.Read(ref _open) == 0)
            return;
        await Task.WhenAny(_allClosed.Task, Task.Delay(IdleTime));
    }
}
