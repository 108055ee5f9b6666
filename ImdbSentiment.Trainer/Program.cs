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
};
return await root.Parse(args).InvokeAsync();
