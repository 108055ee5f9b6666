using System.Runtime.InteropServices;
using ImdbSentiment.Model.IO;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM (what timeout, systemd and container runtimes send) are handled alike for the whole
/// run. While a command can stop at a safe point (an <see cref="InterruptSignal"/> is open: training, scoring), the
/// first signal asks it to stop there. Any other signal ends the process at once, with 128 + the signal number, after
/// deleting the temporary files of atomic writes still in progress, so no partial file survives.
/// </summary>
internal static class ProcessSignals
{
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static CancellationTokenSource? _safeStop;

    public static void Install()
    {
        Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
    }

    /// <summary>Until <see cref="EndSafeStop"/>, the first signal cancels <paramref name="source"/> instead of ending the process.</summary>
    public static void BeginSafeStop(CancellationTokenSource source) => Volatile.Write(ref _safeStop, source);

    public static void EndSafeStop(CancellationTokenSource source) => Interlocked.CompareExchange(ref _safeStop, null, source);

    private static void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        var name = context.Signal == PosixSignal.SIGINT ? "Ctrl-C" : "SIGTERM";
        if (Interlocked.Exchange(ref _safeStop, null) is { } safeStop && TryCancel(safeStop))
        {
            Console.Error.WriteLine($"{name}: stopping at the next safe point (send it again to quit at once).");
            return;
        }

        AtomicFile.DeleteUnfinished();
        AtomicFolder.DeleteUnfinished();
        StagedFolder.DeleteUnfinished();
        Console.Error.WriteLine($"{name}: quitting at once; no partial output is left.");
        Environment.Exit(ExitCodes.EndedBy(context.Signal));
    }

    // The scope may have ended between the exchange and the cancel; then the signal ends the process instead.
    private static bool TryCancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
