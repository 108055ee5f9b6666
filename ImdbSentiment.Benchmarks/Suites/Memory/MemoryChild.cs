using System.Diagnostics;
using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Memory;

/// <summary>
/// The hidden suite the memory suite starts in a child process: one whole training run with the default recipe
/// (read, featurize, train to early stopping, save the zip), reporting its peak resident memory on stdout.
/// </summary>
internal static class MemoryChild
{
    public const string SuiteName = "memory-child";

    public static int Run(BenchmarkContext context, string? architectureName)
    {
        if (architectureName is null)
        {
            Console.Error.WriteLine($"{SuiteName} needs a model: one of {string.Join(", ", NetworkArchitectureNames.Names)}.");
            return 2;
        }

        var start = Stopwatch.GetTimestamp();
        var options = new SentimentTrainingOptions { Trainer = new SentimentNetworkOptions { Network = new() { Architecture = NetworkArchitectureNames.Parse(architectureName) }, Fit = FitSettings.KerasExact } };
        var mlContext = new MLContext(seed: options.Trainer.Seed);
        var reviews = ReviewDatasetReader.Read(context.DataPath).Reviews;
        var afterRead = PeakMemory.Bytes();

        var pipeline = new SentimentTrainingPipeline(mlContext, options);
        var prepared = pipeline.Prepare(reviews);
        var afterFeaturize = PeakMemory.Bytes();

        var trained = pipeline.Train(prepared);
        using var folder = new TemporaryFolder();
        var zip = folder.File("model.zip");
        mlContext.Model.Save(trained.Model, trained.InputSchema, zip);
        (trained.Model as IDisposable)?.Dispose();

        var result = trained.Training.Result;
        Console.WriteLine(new MemoryReport(
            afterRead, afterFeaturize, PeakMemory.Bytes(), result.History.Count, result.BestEpoch, result.Best?.ValidationAccuracy ?? double.NaN,
            new FileInfo(zip).Length, Stopwatch.GetElapsedTime(start).TotalSeconds).ToLine());
        return 0;
    }
}
