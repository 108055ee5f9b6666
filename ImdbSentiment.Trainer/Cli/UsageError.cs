using System.CommandLine;
using System.Text.RegularExpressions;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>A command line that does not parse: one "error:" line on standard error and exit code 2; help only on request.</summary>
internal static class UsageError
{
    public static int Report(ParseResult parse)
    {
        var command = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
        var messages = string.Join("; ", parse.Errors.Select(error => Plain(error.Message).TrimEnd('.')));
        Console.Error.WriteLine($"error: {messages} (see 'imdb-sentiment {command}--help').");
        return ExitCodes.Usage;
    }

    // System.CommandLine names the .NET type a value failed to parse as.
    private static string Plain(string message) => Regex.Replace(message, "as expected type '([^']+)'", match => match.Groups[1].Value switch
    {
        "System.Int32" or "System.Int64" => "as a whole number",
        "System.Double" or "System.Single" => "as a number",
        _ => "as a value of this flag",
    });
}
