using ImdbSentiment.Model.Serving;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// The model behind ASP.NET Core's Kestrel, started and stopped by the caller (the serve command, or a test in
/// process). Built on the empty host builder: no configuration files or environment variables change where it
/// listens or what it logs, and only warnings and errors are logged unless requests are asked for.
/// </summary>
internal sealed class SentimentServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConnectionDrain _drain;

    private SentimentServer(WebApplication app, ConnectionDrain drain)
    {
        _app = app;
        _drain = drain;
        Addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
    }

    /// <summary>Where it listens, with the ports Kestrel chose for port 0.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Loads the model (a bad zip fails here, before anything listens) and starts listening.</summary>
    public static async Task<SentimentServer> StartAsync(ServeOptions options, TextWriter output, TextWriter warnings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = Environment.CurrentDirectory });
        builder.WebHost.UseKestrelCore();
        // The drain wraps the socket transport, so that a stop can close the listening sockets before the connections.
        var drain = new ConnectionDrain();
        builder.Services.AddSingleton<IConnectionListenerFactory>(services => drain.Over(ActivatorUtilities.CreateInstance<SocketTransportFactory>(services)));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaximumRequestBytes;
            kestrel.AddServerHeader = false;
            kestrel.ConfigureEndpointDefaults(drain.Count);
        });
        builder.WebHost.UseUrls(ListenUrls.ForKestrel(options.UrlList));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        // Warnings and errors on standard error, one line each; a failed start is the command's one error line instead.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddSentimentPredictor(options.ModelPath);

        var app = builder.Build();
        try
        {
            var predictor = app.Services.GetRequiredService<PooledSentimentPredictor>();
            var facts = ModelFacts.Read(predictor, warnings);
            if (options.LogRequests)
                RequestLog.Use(app, output);
            AllowedHosts.Use(app, options.AllowedHostList);
            drain.Use(app);
            SentimentEndpoints.Map(app, predictor, facts, options);
            await StartListeningAsync(app, options);
            return new SentimentServer(app, drain);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops listening, lets each keep-alive client close its connection after an answer (<see cref="ConnectionDrain"/>),
    /// lets the requests in flight finish (up to the shutdown timeout), then returns.
    /// </summary>
    public async Task StopAsync()
    {
        await _drain.DrainAsync();
        await _app.StopAsync();
    }

    // An address the validation let through that the system still refuses is the command line's error, not a crash.
    private static async Task StartListeningAsync(WebApplication app, ServeOptions options)
    {
        try
        {
            await app.StartAsync();
        }
        catch (SocketException exception)
        {
            throw new IOException($"--urls {options.Urls}: cannot listen there ({exception.Message})", exception);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
