using ImdbSentiment.Model;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Training;

/// <summary>
/// The sentiment network trainer on ML.NET's binary-classification catalog, after the featurizer:
/// <c>mlContext.Transforms.Text.FeaturizeReview(...).Append(mlContext.BinaryClassification.Trainers.SentimentNetwork(...))</c>.
/// The defaults train as the command line's default recipe does, with the initialisation guard and the refit
/// (<see cref="FitSettings"/>); <c>new SentimentNetworkOptions { Fit = FitSettings.KerasExact }</c> is Keras's recipe exactly.
/// Follow and stop a fit through <see cref="SentimentNetworkOptions.Progress"/> and <see cref="SentimentNetworkOptions.Cancellation"/>.
/// </summary>
public static class SentimentTrainerCatalog
{
    /// <summary>The TorchSharp sentiment network trainer (a recurrent network, an n-gram bag, or both); see <see cref="SentimentNetworkTrainer"/>.</summary>
    public static SentimentNetworkTrainer SentimentNetwork(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, SentimentNetworkOptions options) =>
        new(CatalogContext.Of(catalog, options.Seed), options);

    /// <summary>The trainer with its most used settings; the Keras recipe's values with the two guards by default.</summary>
    /// <param name="architecture">The network that reads the token ids; <see cref="NetworkArchitecture.None"/> for the n-gram bag alone.</param>
    /// <param name="ngramBranch">Adds the naive-Bayes-weighted n-gram bag (the featurizer must emit n-grams).</param>
    /// <param name="labelColumnName">The bool label column (true = positive).</param>
    public static SentimentNetworkTrainer SentimentNetwork(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, NetworkArchitecture architecture = NetworkArchitecture.EmbeddingRnn, bool ngramBranch = false,
        int epochs = 100, double learningRate = 1e-4, int seed = 42, string labelColumnName = ColumnNames.Label) =>
        catalog.SentimentNetwork(new SentimentNetworkOptions
        {
            Network = new NetworkSettings { Architecture = architecture, NgramBranch = ngramBranch },
            Optimizer = new OptimizerSettings { LearningRate = learningRate },
            Fit = new FitSettings { Epochs = epochs },
            Seed = seed,
            LabelColumnName = labelColumnName,
        });
}
