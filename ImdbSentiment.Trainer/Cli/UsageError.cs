using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using ImdbSentiment.Trainer.Output;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>A command line that does not parse: one "error:" line on standard error and exit code 2; help only on request.</summary>
internal static class UsageError
{
    public static int Report(ParseResult parse)
    {
        var command = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
        var messages = string.Join("; ", parse.Errors.Select(error => NamingItsFlag(error, OneLine(Plain(error.Message))).TrimEnd('.')));
        // A value that does not parse is quoted as typed.
        Console.Error.WriteLine($"error: {TerminalText.Escape(messages)} (see 'imdb-sentiment {command}--help').");
        return ExitCodes.Usage;
    }

    // A value not among a flag's choices is listed one choice a line ("Must be one of:\n\t'random'\n\t'movie'").
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length <= 1 ? message : $"{lines[0]} {string.Join(", ", lines[1..])}";
    }

    // Some of System.CommandLine's messages (a value not among the choices) do not say which flag they are about.
    private static string NamingItsFlag(ParseError error, string message) =>
        error.SymbolResult is OptionResult { Option.Name: var flag } && !message.Contains(flag, StringComparison.Ordinal) ? $"{flag}: {message}" : message;

    // System.CommandLine names the .NET type a value failed to parse as.
    private static string Plain(string message) => Regex.Replace(message, "as expected type '([^']+)'", match => match.Groups[1].Value switch
    {
        "System.Int32" or "System.Int64" => "as a whole number",
        "System.Double" or "System.Single" => "as a number",
        _ => "as a value of this flag",
    });
}
