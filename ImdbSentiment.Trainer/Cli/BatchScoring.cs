using ImdbSentiment.Model;
using ImdbSentiment.Model.Batch;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Model.Serving;
using Spectre.Console;
using ImdbSentiment.Trainer.Output;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// score --output-dir: scores a plan's pending inputs one after another, each output written atomically, and reports
/// one line per input (scored, or skipped because its output is complete) and one for the shard.
/// </summary>
internal static class BatchScoring
{
    public static void Run(IAnsiConsole console, string modelPath, BatchScoringPlan plan, DelimitedFileOptions options, CancellationToken cancellation)
    {
        foreach (var item in plan.Items.Where(item => item.Complete))
            Console.WriteLine($"Skipped {TerminalText.Escape(Path.GetFileName(item.Input))}: {TerminalText.Escape(item.Output)} exists, so it is complete (outputs are written atomically); delete it to score the input again.");
        var pending = plan.Pending.ToList();
        if (pending.Count > 0)
            ScorePending(console, modelPath, pending, options, cancellation);

        var shard = plan.Shard == Shard.All ? "" : $"Shard {plan.Shard}: ";
        Console.WriteLine($"{shard}{Plural.Of(plan.Items.Count, "input")} of {plan.InputCount}: {pending.Count} scored, {plan.Items.Count - pending.Count} already complete.");
    }

    private static void ScorePending(IAnsiConsole console, string modelPath, IReadOnlyList<BatchItem> pending, DelimitedFileOptions options, CancellationToken cancellation)
    {
        using var model = ServingModel.Load(modelPath);
        using var interrupt = new InterruptSignal(cancellation);
        for (var i = 0; i < pending.Count; i++)
        {
            // A shard's outputs are its own, so a temporary file beside one is what a killed run of this shard left.
            var leftovers = AtomicFile.DeleteLeftovers(pending[i].Output);
            CsvScoringResult result;
            try
            {
                result = ScoreCommand.Score(console, model, pending[i].Input, pending[i].Output, options, interrupt.Token);
            }
            catch (OperationCanceledException exception)
            {
                throw new BatchCancelledException(
                    $"cancelled by Ctrl-C or SIGTERM while scoring {pending[i].Input}, which left no output; the outputs finished before it ({i}) are complete: run the same command again to score the rest.",
                    exception);
            }
            Console.WriteLine(ScoreCommand.Summary(result, pending[i].Output) +
                (leftovers > 0 ? $" Removed {Plural.Of(leftovers, "temporary file")} a killed run had left beside it." : ""));
        }
    }
}

/// <summary>A batch stopped by a signal between chunks: the outputs finished before it stay, and a rerun resumes.</summary>
internal sealed class BatchCancelledException(string message, Exception innerException) : OperationCanceledException(message, innerException);
