using Microsoft.Extensions.Hosting;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// Replaces the host's ConsoleLifetime, which would handle SIGINT and SIGTERM itself: the command line's
/// <see cref="Cli.ProcessSignals"/> owns the signals (the first stops the server gracefully, a second ends it at once).
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
