using System.CommandLine;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>A command line that does not parse: one "error:" line on standard error and exit code 2; help only on request.</summary>
internal static class UsageError
{
    public static int Report(ParseResult parse)
    {
        var command = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
        var messages = string.Join("; ", parse.Errors.Select(error => error.Message.TrimEnd('.')));
        Console.Error.WriteLine($"error: {messages} (see 'imdb-sentiment {command}--help').");
        return ExitCodes.Usage;
    }
}
