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
            Console.WriteLine(SkippedAsComplete(item));
        var pending = plan.Pending.ToList();
        var outcome = pending.Count > 0 ? ScorePending(console, modelPath, pending, options, cancellation) : new PendingOutcome(0, 0, 0);

        var shard = plan.Shard == Shard.All ? "" : $"Shard {plan.Shard}: ";
        var elsewhere = outcome.ScoringElsewhere > 0 ? $", {outcome.ScoringElsewhere} being scored by another run" : "";
        Console.WriteLine(
            $"{shard}{Plural.Of(plan.Items.Count, "input")} of {plan.InputCount}: {outcome.Scored} scored, {plan.Items.Count - pending.Count + outcome.CompletedElsewhere} already complete{elsewhere}.");
    }

    private static string SkippedAsComplete(BatchItem item) =>
        $"Skipped {TerminalText.Escape(Path.GetFileName(item.Input))}: {TerminalText.Escape(item.Output)} exists, so it is complete (outputs are written atomically); delete it to score the input again.";

    private sealed record PendingOutcome(int Scored, int CompletedElsewhere, int ScoringElsewhere);

    private static PendingOutcome ScorePending(IAnsiConsole console, string modelPath, IReadOnlyList<BatchItem> pending, DelimitedFileOptions options, CancellationToken cancellation)
    {
        using var model = SentimentScorer.Open(modelPath);
        using var interrupt = new InterruptSignal(cancellation);
        int scored = 0, completedElsewhere = 0, scoringElsewhere = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            // Another run (a retried pod, a restarted job) may be scoring the same output: it holds the output's claim.
            using var claim = AtomicFile.TryClaim(pending[i].Output);
            if (claim is null)
            {
                Console.WriteLine($"Skipped {TerminalText.Escape(Path.GetFileName(pending[i].Input))}: another run is scoring it into {TerminalText.Escape(pending[i].Output)} now (it holds its lock file).");
                scoringElsewhere++;
                continue;
            }
            if (BatchScoringPlan.IsComplete(pending[i].Output))
            {
                Console.WriteLine(SkippedAsComplete(pending[i]));
                completedElsewhere++;
                continue;
            }

            // Under the claim no live process writes this output, so a temporary file beside it is a killed run's.
            var leftovers = AtomicFile.DeleteLeftovers(claim);
            CsvScoringResult result;
            try
            {
                result = ScoreCommand.Score(console, model, pending[i].Input, pending[i].Output, options, interrupt.Token);
            }
            catch (OperationCanceledException exception)
            {
                throw new BatchCancelledException(
                    $"cancelled by Ctrl-C or SIGTERM while scoring {pending[i].Input}, which left no output; the outputs finished before it ({scored}) are complete: run the same command again to score the rest.",
                    exception);
            }
            scored++;
            Console.WriteLine(ScoreCommand.Summary(result, pending[i].Output) +
                (leftovers > 0 ? $" Removed {Plural.Of(leftovers, "temporary file")} a killed run had left beside it." : ""));
        }
        return new PendingOutcome(scored, completedElsewhere, scoringElsewhere);
    }
}

/// <summary>A batch stopped by a signal between chunks: the outputs finished before it stay, and a rerun resumes.</summary>
internal sealed class BatchCancelledException(string message, Exception innerException) : OperationCanceledException(message, innerException);
