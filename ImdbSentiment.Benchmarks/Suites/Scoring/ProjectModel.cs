using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>OURS: the model zip to score with: --model, else models/imdb-sentiment.zip, else a quick one trained here.</summary>
internal static class ProjectModel
{
    private const int QuickEpochs = 5;

    /// <summary>The zip's path and a sentence saying where it came from.</summary>
    public static (string Path, string Origin) Locate(BenchmarkContext context, TemporaryFolder folder)
    {
        if (context.ModelPath is { } given)
            return (given, $"--model {given}");

        var standard = Path.Combine(context.RepositoryRoot, "models", "imdb-sentiment.zip");
        if (File.Exists(standard))
            return (standard, standard);

        Progress.Report($"scoring: no model at {standard}; training a quick embedding-rnn model ({QuickEpochs} epochs)...");
        var zip = folder.File("quick-embedding-rnn.zip");
        TrainQuick(context.Reviews, zip);
        return (zip, $"no model at {standard}, so a quick embedding-rnn model trained in this run ({QuickEpochs} epochs, so less accurate than a full run)");
    }

    private static void TrainQuick(IReadOnlyList<LabeledReview> reviews, string zip)
    {
        var options = new SentimentTrainingOptions { Trainer = new SentimentNetworkOptions { Network = new() { Architecture = NetworkArchitecture.EmbeddingRnn }, Fit = FitSettings.KerasExact with { Epochs = QuickEpochs } } };
        var mlContext = new MLContext(seed: options.Trainer.Seed);
        var pipeline = new SentimentTrainingPipeline(mlContext, options);
        var trained = pipeline.Train(pipeline.Prepare(reviews));
        mlContext.Model.Save(trained.Model, trained.InputSchema, zip);
        (trained.Model as IDisposable)?.Dispose();
        trained.Training.Network.Dispose();
    }
}
