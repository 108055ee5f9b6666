using System.CommandLine;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>--model PATH, the saved model zip that evaluate, predict and score read.</summary>
internal static class ModelOption
{
    public static Option<string> Create()
    {
        var model = new Option<string>("--model") { Description = "A model zip written by train.", Required = true };
        model.Validators.Add(result =>
        {
            // A FIFO or a device would be read for ever (or wait for a writer); they, like an empty file, have no size.
            if (result.GetValueOrDefault<string>() is { } path && File.Exists(path) && new FileInfo(path).Length == 0)
                result.AddError($"--model {path}: empty, or not a regular file (a FIFO or a device): expected a model zip written by train");
        });
        return model;
    }
}
