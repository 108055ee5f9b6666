using System.CommandLine;
using ImdbSentiment.Trainer.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
var root = new RootCommand("ImdbSentiment: train, evaluate and serve a recurrent movie-review sentiment model (ML.NET + TorchSharp).")
{
    TrainCommand.Create(console),
    EvaluateCommand.Create(console),
    PredictCommand.Create(),
    ScoreCommand.Create(console),
    ExportCommand.Create(),
    ExplainCommand.Create(console),
    ServeCommand.Create(),
};
// The commands handle Ctrl-C and SIGTERM themselves: System.CommandLine's handler ends the process 2 s after a signal,
// before training has saved the model or scoring has removed its temporary file.
ProcessSignals.Install();
var parse = root.Parse(args);
return parse.Errors.Count > 0
    ? UsageError.Report(parse)
    : await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
