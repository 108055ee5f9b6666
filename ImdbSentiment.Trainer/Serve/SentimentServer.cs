using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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

    private SentimentServer(WebApplication app)
    {
        _app = app;
        Addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
    }

    /// <summary>Where it listens, with the ports Kestrel chose for port 0.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Loads the model (a bad zip fails here, before anything listens) and starts listening.</summary>
    public static async Task<SentimentServer> StartAsync(ServeOptions options, TextWriter output, TextWriter warnings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = Environment.CurrentDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaximumRequestBytes;
            kestrel.AddServerHeader = false;
        });
        builder.WebHost.UseUrls([.. options.UrlList]);
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
            var facts = ModelFacts.Read(app.Services.GetRequiredService<SentimentModel>(), warnings);
            if (options.LogRequests)
                RequestLog.Use(app, output);
            SentimentEndpoints.Map(app, predictor, facts, options);
            await app.StartAsync();
            return new SentimentServer(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops listening, lets the requests in flight finish (up to the shutdown timeout), then returns.</summary>
    public Task StopAsync() => _app.StopAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
