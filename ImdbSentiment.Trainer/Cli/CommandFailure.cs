using System.Security.Cryptography;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Trainer.Download;
using ImdbSentiment.Trainer.Output;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>Turns what a command throws into one clear line on standard error and a non-zero exit code.</summary>
internal static class CommandFailure
{
    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception exception) when (Describe(exception) is { } message)
        {
            // Messages quote file content (a label, a header, bytes of a binary file): never raw on the terminal.
            await Console.Error.WriteLineAsync($"error: {TerminalText.Escape(message)}");
            return exception switch
            {
                OperationCanceledException => ExitCodes.Cancelled,
                ArgumentException argument when OptionErrors.NamesAFlag(argument) => ExitCodes.Usage,
                SettingsException => ExitCodes.Usage,
                _ => ExitCodes.Failure,
            };
        }
    }

    /// <summary>The message for an expected failure; null for a bug, which keeps its stack trace.</summary>
    internal static string? Describe(Exception exception) => exception switch
    {
        ArgumentException argument => OptionErrors.Describe(argument),
        DataFormatException { Setting: { } setting } data => OptionErrors.NameFlag(data.Message, setting),
        TrainingDivergedException diverged => TrainingDivergedException.Remedies.Aggregate(diverged.Message, OptionErrors.NameFlag),
        ForeignModelException foreign => $"{foreign.Message.TrimEnd('.')}; train one with 'imdb-sentiment train'.",
        UnreadableModelException unreadable => $"{unreadable.Message.TrimEnd('.')}: retrain it or copy it again.",
        TorchUnavailableException or DataFormatException or DownloadException or UsageException
            or FileNotFoundException or DirectoryNotFoundException or InvalidDataException
            or UnauthorizedAccessException or IOException or CryptographicException or SettingsException => exception.Message,
        TypeInitializationException or DllNotFoundException when TorchRuntimeFailure(exception) => TorchRuntime.Explain(exception),
        BatchCancelledException => exception.Message,
        OperationCanceledException => "cancelled by Ctrl-C or SIGTERM; no output was written.",
        _ => null,
    };

    private static bool TorchRuntimeFailure(Exception exception) =>
        exception.ToString().Contains("TorchSharp", StringComparison.Ordinal);
}

/// <summary>Settings that are each in range but cannot be trained together (a network too large for a model zip): a usage error.</summary>
internal sealed class SettingsException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>A command was asked for something it cannot do as given; the message says what to pass instead.</summary>
internal sealed class UsageException(string message, Exception? innerException = null) : Exception(message, innerException);
