using System.Runtime.InteropServices;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>The documented exit codes of every command (docs/failure-behaviour.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input, a missing or unreadable file, a failed write: one "error:" line says which.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong (an unknown flag, a missing or malformed value).</summary>
    public const int Usage = 2;

    /// <summary>Stopped at a safe point by Ctrl-C or SIGTERM: train saved the model from the best epoch so far, score wrote nothing.</summary>
    public const int Cancelled = 3;

    /// <summary>Ended at once by a signal, as a shell reports it: 128 + the signal number (130 for SIGINT, 143 for SIGTERM).</summary>
    public static int EndedBy(PosixSignal signal) => 128 + (signal == PosixSignal.SIGINT ? 2 : 15);
}
