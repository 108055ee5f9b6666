using System.CommandLine;
using ImdbSentiment.Trainer.Cli;

var root = CommandSet.Root(args);
// The commands handle Ctrl-C and SIGTERM themselves: System.CommandLine's handler ends the process 2 s after a signal,
// before training has saved the model or scoring has removed its temporary file.
ProcessSignals.Install();
var parse = root.Parse(args);
return parse.Errors.Count > 0
    ? UsageError.Report(parse)
    : await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
