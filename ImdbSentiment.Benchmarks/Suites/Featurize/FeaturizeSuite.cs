using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Featurize;

/// <summary>
/// featurize: read the reviews, fit a featurizer on all of them and read every featurized row, timed per phase;
/// ours against ML.NET's FeaturizeText. Each run starts from the file, so the read is timed for both.
/// </summary>
internal sealed class FeaturizeSuite : ISuite
{
    private const double TargetSeconds = 3;

    // Enough reviews to compile every code path, without paying for a whole run of the slow baseline.
    private const int WarmUpReviews = 2_000;

    public string Name => "featurize";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        output.WriteLine("## featurize: read + fit + featurize all reviews");
        output.WriteLine();
        var table = new MarkdownTable("implementation", "output", "read s", "fit s", "featurize s", "total s");
        IFeaturizerCandidate[] candidates = [new ProjectFeaturizer(new FeaturizerOptions { VocabularySize = 500, MaxLength = 100 }), new MlNetFeaturizeText()];
        var totals = new List<double>();
        foreach (var candidate in candidates)
        {
            Progress.Report($"featurize: {candidate.Name}, {context.Runs} runs after a warm-up...");
            MeasureOnce(candidate, context.DataPath, WarmUpReviews);
            var runs = Timing.Repeat(context.Runs, () => MeasureOnce(candidate, context.DataPath));
            var total = Statistics.Median(runs.Select(run => run.Total));
            totals.Add(total);
            table.Add(candidate.Name, runs[^1].Output,
                Units.Seconds(Statistics.Median(runs.Select(run => run.Read))),
                Units.Seconds(Statistics.Median(runs.Select(run => run.Fit))),
                Units.Seconds(Statistics.Median(runs.Select(run => run.Featurize))),
                Units.Seconds(total));
        }

        table.WriteTo(output);
        output.WriteLine($"Medians of {context.Runs} runs after a warm-up on {WarmUpReviews:N0} reviews (each phase's median separately; total is the median of the run totals). " +
                         $"OURS is {Units.SpeedUp(totals[0], totals[1])} the baseline's speed; target for OURS: total <= {TargetSeconds} s.");
        output.WriteLine();
    }

    private static FeaturizeRun MeasureOnce(IFeaturizerCandidate candidate, string dataPath, int maxReviews = int.MaxValue)
    {
        var mlContext = new MLContext(seed: 42);
        var reviews = Timing.Seconds(() => ReviewDatasetReader.Read(dataPath).Reviews, out var read);
        var data = mlContext.Data.LoadFromEnumerable(reviews.Take(maxReviews));
        var transformer = Timing.Seconds(() => candidate.Fit(mlContext, data), out var fit);
        var description = Timing.Seconds(() => candidate.Materialize(transformer.Transform(data)), out var featurize);
        return new FeaturizeRun(read, fit, featurize, description);
    }

    private sealed record FeaturizeRun(double Read, double Fit, double Featurize, string Output)
    {
        public double Total => Read + Fit + Featurize;
    }
}
