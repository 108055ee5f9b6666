using System.Buffers;
using System.Text;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>
/// Turns the process's arguments back into one command a POSIX shell runs as it was run, and such a command into one
/// that names files without the folders of the machine it ran on.
/// </summary>
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

    /// <summary>
    /// The command of <see cref="Format"/> without its "cd FOLDER &amp;&amp;" and with each path (a word, or a --flag=value's
    /// value, holding a '/') cut to its file name: what a served model may tell any client about how it was trained.
    /// </summary>
    /// <returns>Null when the text is not such a command (a quote not closed).</returns>
    public static string? WithFileNamesOnly(string command)
    {
        if (Words(command) is not { } words)
            return null;
        if (words.Count >= 3 && words[0] == "cd" && words[2] == "&&")
            words = words[3..];
        return string.Join(' ', words.Select(word => Quote(word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=') is var equals and > 0
            ? word[..(equals + 1)] + FileName(word[(equals + 1)..])
            : FileName(word))));
    }

    private static string FileName(string path) =>
        path.Contains('/', StringComparison.Ordinal) ? Path.GetFileName(path.TrimEnd('/')) : path;

    // The words of a command as Quote writes them: plain, or in single quotes (no escapes inside; a quote itself as
    // '\''), joined by spaces.
    private static List<string>? Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            switch (command[i])
            {
                case '\'':
                    var close = command.IndexOf('\'', i + 1);
                    if (close < 0)
                        return null;
                    word.Append(command, i + 1, close - i - 1);
                    (i, inWord) = (close, true);
                    break;
                case '\\' when i + 1 < command.Length:
                    word.Append(command[++i]);
                    inWord = true;
                    break;
                case ' ':
                    if (inWord)
                        words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                    break;
                default:
                    word.Append(command[i]);
                    inWord = true;
                    break;
            }
        }
        if (inWord)
            words.Add(word.ToString());
        return words;
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.AsSpan().ContainsAnyExcept(Plain) ? arg : $"'{arg.Replace("'", @"'\''")}'";
}
