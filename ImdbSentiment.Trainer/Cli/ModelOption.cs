using System.CommandLine;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>--model PATH, the saved model zip that evaluate, predict and score read.</summary>
internal static class ModelOption
{
    public static Option<string> Create() => new("--model") { Description = "A model zip written by train.", Required = true };
}
