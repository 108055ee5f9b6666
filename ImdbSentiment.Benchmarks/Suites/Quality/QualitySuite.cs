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
/// and train on all of them. A recipe named NAME+vectors is NAME with its embedding started from --word-vectors FILE;
/// NAME+unlabelled gives a fused recipe's partner the archive's unlabelled reviews to label for the network. A fused
/// recipe also gets a second table: each of its two networks alone, and the fusion, on validation and development-test.
/// </summary>
internal sealed class QualitySuite : ISuite
{
    private static readonly string[] DefaultRecipes = [TrainingRecipes.Default, "best"];
    private const string WithVectors = "vectors", WithUnlabelled = "unlabelled", WithTokens = "tokens", WithUnits = "units";

    public string Name => "quality";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        var recipes = context.SuiteArgument?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? DefaultRecipes;
        var dataset = AclImdbReader.ReadAll(context.DataPath, unlabelled: recipes.Any(name => Modifiers(name).Contains(WithUnlabelled)));
        if (!dataset.HasMovies)
            throw new InvalidOperationException($"{context.DataPath}: the quality suite needs each review's movie (the aclImdb train/urls_*.txt lists) for its movie-disjoint development-test set.");
        var (training, developmentTest) = DevelopmentTestSet.Split(dataset.Train);
        var seeds = Enumerable.Range(1, context.Runs).ToArray();

        output.WriteLine($"## quality: accuracy on the development-test set ({developmentTest.Count:N0} reviews of {developmentTest.Select(r => r.Group).Distinct().Count():N0} movies; {training.Count:N0} training reviews of other movies)");
        output.WriteLine();
        var table = new MarkdownTable("model", "seeds", "dev-test accuracy mean", "min", "max", "train s (mean)", "per seed", "validation accuracy, best epoch, per seed");
        var fusions = new MarkdownTable("fused recipe", "seed", "weights (partner, network, bias)", "partner val", "network val", "fused val", "partner dev-test", "network dev-test", "fused dev-test", "pseudo-labelled (partner / network)");
        foreach (var name in recipes)
        {
            var recipe = Recipe(name, context.WordVectorsPath);
            var unlabelled = Modifiers(name).Contains(WithUnlabelled) ? DevelopmentTestSet.WithoutTextsOf(dataset.Unlabelled, developmentTest) : null;
            var runs = seeds.Select(seed => TrainRecipe(name, recipe, seed, training, developmentTest, unlabelled, fusions)).ToArray();
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
        if (fusions.RowCount > 0)
        {
            output.WriteLine();
            fusions.WriteTo(output);
        }

        if (nbsvm is null)
            output.WriteLine($"scikit-learn NBSVM skipped: {ScikitLearnNbsvm.Unavailable}");
        output.WriteLine("Train seconds: whole pipeline (featurize + train + export) for the recipes; fit only for the baselines.");
        output.WriteLine("Choose between variants on the validation accuracy (the recipes' own movie-disjoint 20%), never on the development-test columns.");
        output.WriteLine();
    }

    private static string[] Modifiers(string name) => name.Split('+')[1..];

    /// <summary>
    /// The named recipe; NAME+vectors is NAME started from the word vectors, NAME+unlabelled learns from the unlabelled
    /// reviews too, NAME+tokensN reads N tokens of each review (the featurizer's MaxLength), NAME+unitsN gives its
    /// recurrent layer N units a direction.
    /// </summary>
    private static SentimentTrainingOptions Recipe(string name, string? wordVectorsPath)
    {
        var recipe = TrainingRecipes.Get(name.Split('+')[0]);
        foreach (var modifier in Modifiers(name))
        {
            if (modifier == WithVectors)
            {
                var path = wordVectorsPath ?? throw new ArgumentException($"quality: {name} needs --word-vectors FILE.");
                recipe = recipe with { Trainer = recipe.Trainer.WithNetwork(network => network.WithWordVectors(path)) };
            }
            else if (modifier.StartsWith(WithTokens, StringComparison.Ordinal) && int.TryParse(modifier[WithTokens.Length..], out var maxLength) && maxLength > 0)
            {
                recipe = recipe with { Featurizer = recipe.Featurizer with { MaxLength = maxLength } };
            }
            else if (modifier.StartsWith(WithUnits, StringComparison.Ordinal) && int.TryParse(modifier[WithUnits.Length..], out var units) && units > 0)
            {
                recipe = recipe with { Trainer = recipe.Trainer.WithNetwork(network => network with { Units = units }) };
            }
            else if (modifier != WithUnlabelled)
            {
                throw new ArgumentException($"quality: {name}: unknown modifier '{modifier}', expected {WithVectors}, {WithUnlabelled}, {WithTokens}N or {WithUnits}N (N > 0).");
            }
        }

        return recipe;
    }

    private static (double Accuracy, double Seconds, double? ValidationAccuracy) TrainRecipe(
        string name, SentimentTrainingOptions recipe, int seed, IReadOnlyList<LabeledReview> training, IReadOnlyList<LabeledReview> developmentTest,
        IReadOnlyList<string>? unlabelled, MarkdownTable fusions)
    {
        Progress.Report($"quality: {name}, seed {seed}...");
        recipe = recipe with { SplitBy = SplitKind.Group, Trainer = recipe.Trainer with { Seed = seed } };
        var mlContext = new MLContext(seed: seed);
        var watch = Stopwatch.StartNew();
        var pipeline = new SentimentTrainingPipeline(mlContext, recipe);
        var prepared = pipeline.Prepare(training, unlabelledReviews: unlabelled);
        var trained = pipeline.Train(prepared);
        var seconds = watch.Elapsed.TotalSeconds;
        var developmentView = mlContext.Data.LoadFromEnumerable(developmentTest);
        var accuracy = SentimentMetrics.Evaluate(mlContext, trained.Model.Transform(developmentView)).Accuracy;
        var result = trained.Training.Result;
        var parts = "";
        if (result.Fusion is { } fusion)
        {
            var (partner, network) = FusedParts.DevelopmentTestAccuracies(trained.Training.Network, prepared.Featurizer.Transform(developmentView));
            parts = FormattableString.Invariant($"; dev-test partner {partner:F4} network {network:F4}");
            fusions.Add(name, seed.ToString(), FormattableString.Invariant($"{fusion.PartnerWeight:F3}, {fusion.NetworkWeight:F3}, {fusion.Bias:F3}"),
                fusion.PartnerValidationAccuracy.ToString("F4"), fusion.NetworkValidationAccuracy.ToString("F4"), fusion.ValidationAccuracy.ToString("F4"),
                partner.ToString("F4"), network.ToString("F4"), accuracy.ToString("F4"),
                $"{fusion.PartnerPseudoLabelledReviews:N0} / {fusion.PseudoLabelledReviews:N0}");
        }

        (trained.Model as IDisposable)?.Dispose();
        trained.Training.Network.Dispose();
        var validationAccuracy = result.Fusion?.ValidationAccuracy ?? result.Best?.ValidationAccuracy;
        // Each run's figures as it ends, so a run that fails later loses none of them.
        Progress.Report(FormattableString.Invariant($"quality: {name}, seed {seed}: dev-test {accuracy:F4}, validation {validationAccuracy:F4}, {seconds:F0} s") +
            (result.Fusion is { } done ? FormattableString.Invariant($"; fusion {done.PartnerWeight:F3}/{done.NetworkWeight:F3}/{done.Bias:F3}, validation partner {done.PartnerValidationAccuracy:F4} network {done.NetworkValidationAccuracy:F4}{parts}") : ""));
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
