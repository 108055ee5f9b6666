using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Recipes;

/// <summary>
/// recipes: seconds per epoch of every named recipe on the seeded 20,000/5,000 split, the book's seed recipes
/// (book-onehot, book-embedding) being the baseline rows of the same run.
/// </summary>
internal sealed class RecipesSuite : ISuite
{
    private const int Epochs = 2;

    public string Name => "recipes";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        output.WriteLine($"## recipes: seconds per epoch of each recipe ({Epochs} epochs, training + validation pass)");
        output.WriteLine();
        var table = new MarkdownTable("recipe", "network", "vocabulary / length", "trainable params", "median epoch s", $"val accuracy after {Epochs}");
        foreach (var name in TrainingRecipes.Names)
        {
            Progress.Report($"recipes: {name}, {Epochs} epochs...");
            var recipe = TrainingRecipes.Get(name);
            recipe = recipe with { Trainer = recipe.Trainer.WithFit(fit => fit with { Epochs = Epochs, Patience = int.MaxValue, InitializationTrials = 1 }) };
            var mlContext = new MLContext(seed: recipe.Trainer.Seed);
            var pipeline = new SentimentTrainingPipeline(mlContext, recipe);
            var trained = pipeline.Train(pipeline.Prepare(context.Reviews));
            var history = trained.Training.Result.History;
            table.Add(name, Describe(recipe.Trainer), $"{recipe.Featurizer.VocabularySize:N0} / {recipe.Featurizer.MaxLength}",
                trained.Training.Network.TrainableParameterCount.ToString("N0"),
                Units.Seconds(Statistics.Median(history.Select(epoch => epoch.Duration.TotalSeconds).ToArray())),
                Units.Fraction(history[^1].ValidationAccuracy));
            (trained.Model as IDisposable)?.Dispose();
            trained.Training.Network.Dispose();
        }

        table.WriteTo(output);
        output.WriteLine("The book recipes are rows 1-5 (book-onehot and book-embedding are the seed recipes); accuracy after two epochs says little about the final one.");
        output.WriteLine();
    }

    private static string Describe(SentimentNetworkOptions trainer)
    {
        var network = trainer.Network;
        return $"{network.Architecture.ToName()} {network.Units}u x{network.Layers}{(network.Bidirectional ? " bi" : "")} {NetworkOptimizerNames.Table.NameOf(trainer.Optimizer.Algorithm)} {trainer.Fit.Threads}t";
    }
}
