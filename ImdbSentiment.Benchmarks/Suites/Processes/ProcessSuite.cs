using System.Diagnostics;
using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Benchmarks.Suites.Scoring;

namespace ImdbSentiment.Benchmarks.Suites.Processes;

/// <summary>
/// process: whole <c>imdb-sentiment</c> processes on the wall clock, start to exit: <c>predict</c> of one review and
/// <c>score</c> of every review as a CSV, for the CLI published ReadyToRun (OURS) beside the build output, which the
/// JIT compiles as it runs (BASELINE), interleaved run by run so that both see the same load.
/// </summary>
internal sealed class ProcessSuite : ISuite
{
    private const int LeastRuns = 5;
    private const double TargetPredictSeconds = 0.3, TargetReviewsPerSecond = 25_000, TargetFusedReviewsPerSecond = 2_000;
    private const string Review = "a dull, boring waste of two hours";

    public string Name => "process";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        output.WriteLine("## process: whole CLI processes (predict of one review, score of a CSV)");
        output.WriteLine();
        var built = TrainerBuild.BuiltAssembly(context.RepositoryRoot);
        if (!File.Exists(built))
        {
            output.WriteLine($"Skipped: {built} is missing: build the solution first.");
            output.WriteLine();
            return;
        }

        using var folder = new TemporaryFolder();
        var (model, origin) = ProjectModel.Locate(context, folder);
        var csv = folder.File("reviews.csv");
        ReviewCsv.Write(context.Reviews, csv);
        Progress.Report("process: publishing the CLI ReadyToRun...");
        var published = TrainerBuild.PublishReadyToRun(context.RepositoryRoot, Path.Combine(folder.Path, "published"));

        var runs = Math.Max(context.Runs, LeastRuns);
        var builds = new[] { ("OURS: published ReadyToRun", published), ("BASELINE: build output (JIT)", built) };
        var commands = new[]
        {
            ("predict, 1 review", new[] { "predict", "--model", model, Review }, 0),
            ($"score, {context.Reviews.Count:N0} reviews ({Units.Bytes(new FileInfo(csv).Length)} CSV)",
                new[] { "score", "--model", model, "--input", csv, "--output", folder.File("scored.csv") }, context.Reviews.Count),
        };
        var table = new MarkdownTable("command", "CLI", "median s", "min s", "max s", "reviews/s (median)");
        foreach (var (command, arguments, reviews) in commands)
        {
            Progress.Report($"process: {command}, {runs} runs of each CLI...");
            var seconds = builds.ToDictionary(build => build.Item1, _ => new List<double>());
            for (var run = 0; run < runs; run++)
                foreach (var (name, assembly) in builds)
                    seconds[name].Add(Time(assembly, arguments));
            foreach (var (name, _) in builds)
            {
                var median = Statistics.Median(seconds[name]);
                table.Add(command, name, Units.Seconds(median), Units.Seconds(seconds[name].Min()), Units.Seconds(seconds[name].Max()),
                    reviews > 0 ? Units.PerSecond(reviews / median) : "");
            }
        }

        table.WriteTo(output);
        output.WriteLine($"Model: {origin}. {runs} runs of each command and CLI, alternating, `dotnet imdb-sentiment.dll ...` from start to exit. " +
                         $"Targets for OURS: predict <= {TargetPredictSeconds} s, score >= {Units.PerSecond(TargetReviewsPerSecond)} reviews/s with the seed model or the n-gram bag, >= {Units.PerSecond(TargetFusedReviewsPerSecond)} with the fused `best`.");
        output.WriteLine();
    }

    private static double Time(string assembly, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var run = TimedProcess.Run(start);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(assembly)} {string.Join(' ', arguments.Take(1))} failed (exit code {run.ExitCode}): {run.Output.Trim()}");
        return run.Seconds;
    }
}
