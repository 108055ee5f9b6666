using System.Diagnostics;
using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Benchmarks.Suites.Scoring;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Training;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Quality;

/// <summary>
/// quality: development-test accuracy of named recipes (mean and minimum over seeds 1..--runs) beside the peers a user
/// would pick instead, all trained on the same reviews and scored on the same fixed movie-disjoint development-test
/// set: ML.NET's FeaturizeText + AveragedPerceptron, and scikit-learn's NBSVM when python3 has scikit-learn.
/// The recipes validate (and stop early) on a movie-disjoint 20% of the training reviews; the peers need no validation
/// and train on all of them. A recipe named NAME+vectors is NAME with its embedding started from --word-vectors FILE.
/// </summary>
internal sealed class QualitySuite : ISuite
{
    private static readonly string[] DefaultRecipes = [TrainingRecipes.Default, "best"];
    private const string WithVectors = "+vectors";

    public string Name => "quality";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        var dataset = AclImdbReader.ReadAll(context.DataPath);
        if (!dataset.HasMovies)
            throw new InvalidOperationException($"{context.DataPath}: the quality suite needs each review's movie (the aclImdb train/urls_*.txt lists) for its movie-disjoint development-test set.");
        var (training, developmentTest) = DevelopmentTestSet.Split(dataset.Train);
        var recipes = context.SuiteArgument?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? DefaultRecipes;
        var seeds = Enumerable.Range(1, context.Runs).ToArray();

        output.WriteLine($"## quality: accuracy on the development-test set ({developmentTest.Count:N0} reviews of {developmentTest.Select(r => r.Group).Distinct().Count():N0} movies; {training.Count:N0} training reviews of other movies)");
        output.WriteLine();
        var table = new MarkdownTable("model", "seeds", "dev-test accuracy mean", "min", "max", "train s (mean)", "per seed", "validation accuracy, best epoch, per seed");
        foreach (var name in recipes)
        {
            var recipe = Recipe(name, context.WordVectorsPath);
            var runs = seeds.Select(seed => TrainRecipe(name, recipe, seed, training, developmentTest)).ToArray();
            table.Add(name, string.Join(",", seeds), Units.Fraction(runs.Average(r => r.Accuracy)), Units.Fraction(runs.Min(r => r.Accuracy)),
                Units.Fraction(runs.Max(r => r.Accuracy)), runs.Average(r => r.Seconds).ToString("F0"), string.Join(" ", runs.Select(r => r.Accuracy.ToString("F4"))),
                string.Join(" ", runs.Select(r => r.ValidationAccuracy?.ToString("F4") ?? "-")));
        }

        var perceptron = TrainPerceptron(training, developmentTest);
        table.Add($"BASELINE {PerceptronBaselineModel.Description}", "42", Units.Fraction(perceptron.Accuracy), "", "", perceptron.Seconds.ToString("F0"), "", "");
        var nbsvm = ScikitLearnNbsvm.Run(training, developmentTest);
        if (nbsvm is { } result)
            table.Add($"BASELINE {ScikitLearnNbsvm.Description}", "-", Units.Fraction(result.Accuracy), "", "", result.Seconds.ToString("F0"), "", "");
        table.WriteTo(output);
        if (nbsvm is null)
            output.WriteLine($"scikit-learn NBSVM skipped: {ScikitLearnNbsvm.Unavailable}");
        output.WriteLine("Train seconds: whole pipeline (featurize + train + export) for the recipes; fit only for the baselines.");
        output.WriteLine("Choose between variants on the validation accuracy (the recipes' own movie-disjoint 20%), never on the development-test columns.");
        output.WriteLine();
    }

    /// <summary>The named recipe; NAME+vectors is NAME started from the word vectors.</summary>
    private static SentimentTrainingOptions Recipe(string name, string? wordVectorsPath)
    {
        if (!name.EndsWith(WithVectors, StringComparison.Ordinal))
            return TrainingRecipes.Get(name);
        var recipe = TrainingRecipes.Get(name[..^WithVectors.Length]);
        var path = wordVectorsPath ?? throw new ArgumentException($"quality: {name} needs --word-vectors FILE.");
        return recipe with { Trainer = recipe.Trainer.WithNetwork(network => network.WithWordVectors(path)) };
    }

    private static (double Accuracy, double Seconds, double? ValidationAccuracy) TrainRecipe(
        string name, SentimentTrainingOptions recipe, int seed, IReadOnlyList<LabeledReview> training, IReadOnlyList<LabeledReview> developmentTest)
    {
        Progress.Report($"quality: {name}, seed {seed}...");
        recipe = recipe with { SplitBy = SplitKind.Group, Trainer = recipe.Trainer with { Seed = seed } };
        var mlContext = new MLContext(seed: seed);
        var watch = Stopwatch.StartNew();
        var pipeline = new SentimentTrainingPipeline(mlContext, recipe);
        var trained = pipeline.Train(pipeline.Prepare(training));
        var seconds = watch.Elapsed.TotalSeconds;
        var accuracy = SentimentMetrics.Evaluate(mlContext, trained.Model.Transform(mlContext.Data.LoadFromEnumerable(developmentTest))).Accuracy;
        var validationAccuracy = trained.Training.Result.Best?.ValidationAccuracy;
        (trained.Model as IDisposable)?.Dispose();
        trained.Training.Network.Dispose();
        return (accuracy, seconds, validationAccuracy);
    }

    private static (double Accuracy, double Seconds) TrainPerceptron(IReadOnlyList<LabeledReview> training, IReadOnlyList<LabeledReview> developmentTest)
    {
        Progress.Report("quality: the ML.NET baseline...");
        using var folder = new TemporaryFolder();
        var zip = folder.File("perceptron.zip");
        var watch = Stopwatch.StartNew();
        PerceptronBaselineModel.Train(training, zip);
        var seconds = watch.Elapsed.TotalSeconds;
        var mlContext = new MLContext();
        var model = mlContext.Model.Load(zip, out _);
        var accuracy = SentimentMetrics.Evaluate(mlContext, model.Transform(mlContext.Data.LoadFromEnumerable(developmentTest))).Accuracy;
        (model as IDisposable)?.Dispose();
        return (accuracy, seconds);
    }
}
