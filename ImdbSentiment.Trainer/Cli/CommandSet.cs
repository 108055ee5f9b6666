using System.CommandLine;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// The CLI's commands, each built on demand. Building a command loads what it refers to (TorchSharp for train,
/// ASP.NET Core for serve, Spectre.Console's terminal detection), which is most of a short command's start, so a
/// command line naming a command gets only that one; any other (--help, a mistyped name) gets them all.
/// </summary>
internal static class CommandSet
{
    internal static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("train", () => TrainCommand.Create(AnsiConsole.Console)),
        ("evaluate", () => EvaluateCommand.Create(AnsiConsole.Console)),
        ("predict", PredictCommand.Create),
        ("score", () => ScoreCommand.Create(AnsiConsole.Console)),
        ("export", ExportCommand.Create),
        ("explain", () => ExplainCommand.Create(AnsiConsole.Console)),
        ("serve", ServeCommand.Create),
        ("vectors", () => VectorsCommand.Create(AnsiConsole.Console)),
    ];

    public static RootCommand Root(IReadOnlyList<string> args)
    {
        var root = new RootCommand("ImdbSentiment: train, evaluate and serve a recurrent movie-review sentiment model (ML.NET + TorchSharp).");
        var named = Commands.Where(command => args.Count > 0 && command.Name == args[0]).ToArray();
        foreach (var (_, create) in named.Length == 1 ? named : Commands)
            root.Subcommands.Add(create());
        return root;
    }
}
