using System.Buffers;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>Turns the process's arguments back into one command a POSIX shell runs as it was run.</summary>
internal static class CommandLineText
{
    private static readonly SearchValues<char> Plain =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%");

    /// <param name="args">As <see cref="Environment.GetCommandLineArgs"/> gives them: the program first.</param>
    /// <param name="workingDirectory">When given, the command first changes to it, as relative paths need.</param>
    public static string Format(IReadOnlyList<string> args, string? workingDirectory = null)
    {
        // .NET reports the program as its .dll even when an apphost started it; the dll runs through dotnet.
        var prefix = args.Count > 0 && args[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet"] : Array.Empty<string>();
        var command = string.Join(' ', prefix.Concat(args.Select(Quote)));
        return workingDirectory is null ? command : $"cd {Quote(workingDirectory)} && {command}";
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.AsSpan().ContainsAnyExcept(Plain) ? arg : $"'{arg.Replace("'", @"'\''")}'";
}
