using System.Globalization;
using ImdbSentiment.Training.WordVectors.SkipGram;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Output;

/// <summary>The vectors command's progress: a Spectre.Console bar on a terminal, a plain line every tenth of the run when redirected.</summary>
internal static class SkipGramProgressDisplay
{
    public static SkipGramVectors Run(IAnsiConsole console, TextWriter log, Func<Action<SkipGramProgress>, SkipGramVectors> train)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var reportedTenths = 0;
            return train(progress =>
            {
                var tenths = (int)(10 * progress.TokensProcessed / Math.Max(1, progress.TokensTotal));
                if (tenths <= reportedTenths)
                    return;
                reportedTenths = tenths;
                log.WriteLine(Describe(progress));
            });
        }

        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("skip-gram");
                return train(progress =>
                {
                    task.MaxValue = Math.Max(1, progress.TokensTotal);
                    task.Value = progress.TokensProcessed;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {progress.Epoch}/{progress.Epochs}, {progress.TokensPerSecond:N0} tokens/s, lr {progress.LearningRate:F5}");
                });
            });
    }

    public static string Describe(SkipGramProgress progress) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {progress.Epoch}/{progress.Epochs}, {100.0 * progress.TokensProcessed / Math.Max(1, progress.TokensTotal):F0}%: {progress.TokensProcessed:N0} of {progress.TokensTotal:N0} tokens, {progress.TokensPerSecond:N0} tokens/s, learning rate {progress.LearningRate:F5}");
}
