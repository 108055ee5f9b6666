using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Training;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Epoch;

/// <summary>What the epoch suites share: training OURS through the estimator, and the table of runs against OURS (the first run).</summary>
internal static class EpochRuns
{
    public static EpochRun TrainOurs(MLContext mlContext, SentimentNetworkOptions options, PreparedData prepared)
    {
        var trained = new SentimentNetworkTrainer(mlContext, options).Train(prepared.FeaturizedTraining, prepared.FeaturizedValidation);
        (trained.Transformer as IDisposable)?.Dispose();
        trained.Network.Dispose();
        var history = trained.Result.History;
        return new EpochRun(options.Fit.Threads, history.Select(epoch => epoch.Duration.TotalSeconds).ToArray(), history[^1].ValidationAccuracy);
    }

    public static MarkdownTable NewTable(int epochs) =>
        new("model", "implementation", "torch threads", "median epoch s", "each epoch s", $"val accuracy after {epochs}", "OURS faster by");

    /// <summary>One row per run; the first run is OURS, which the last column compares every row with.</summary>
    public static void AddRows(MarkdownTable table, string model, IReadOnlyList<(string Name, EpochRun Run)> runs)
    {
        var oursMedian = Statistics.Median(runs[0].Run.EpochSeconds);
        foreach (var (name, run) in runs)
        {
            var median = Statistics.Median(run.EpochSeconds);
            table.Add(model, name, run.Threads.ToString(), Units.Seconds(median), string.Join(" / ", run.EpochSeconds.Select(value => Units.Seconds(value, 2))),
                Units.Fraction(run.ValidationAccuracy), Units.SpeedUp(oursMedian, median));
        }
    }
}
