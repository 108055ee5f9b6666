using System.Buffers;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>Turns the process's arguments back into one command a POSIX shell runs as it was run.</summary>
internal static class CommandLineText
{
    private static readonly SearchValues<char> Plain =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%");

    /// <param name="args">As <see cref="Environment.GetCommandLineArgs"/> gives them: the program first.</param>
    public static string Format(IReadOnlyList<string> args)
    {
        // .NET reports the program as its .dll even when an apphost started it; the dll runs through dotnet.
        var prefix = args.Count > 0 && args[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet"] : Array.Empty<string>();
        return string.Join(' ', prefix.Concat(args.Select(Quote)));
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.AsSpan().ContainsAnyExcept(Plain) ? arg : $"'{arg.Replace("'", @"'\''")}'";
}
