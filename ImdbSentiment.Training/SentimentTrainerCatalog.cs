using ImdbSentiment.Model;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Training;

/// <summary>
/// The sentiment network trainer on ML.NET's binary-classification catalog, after the featurizer:
/// <c>mlContext.Transforms.Text.FeaturizeReview(...).Append(mlContext.BinaryClassification.Trainers.SentimentNetwork(...))</c>.
/// </summary>
public static class SentimentTrainerCatalog
{
    /// <summary>The TorchSharp sentiment network trainer (a recurrent network, an n-gram bag, or both); see <see cref="SentimentNetworkTrainer"/>.</summary>
    public static SentimentNetworkTrainer SentimentNetwork(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, SentimentNetworkOptions options) =>
        new(CatalogContext.Of(catalog, options.Seed), options);

    /// <summary>The trainer with its most used settings; the Keras recipe's values by default.</summary>
    /// <param name="network">A network name such as embedding-rnn, lstm, ngram-bag or ngram-bag+lstm.</param>
    /// <param name="labelColumnName">The bool label column (true = positive).</param>
    public static SentimentNetworkTrainer SentimentNetwork(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, string network = "embedding-rnn", int epochs = 100, double learningRate = 1e-4, int seed = 42,
        string labelColumnName = ColumnNames.Label)
    {
        var (architecture, ngramBranch) = NetworkArchitectureNames.ParseNetwork(network);
        return catalog.SentimentNetwork(new SentimentNetworkOptions
        {
            Network = new NetworkSettings { Architecture = architecture, NgramBranch = ngramBranch },
            Optimizer = new OptimizerSettings { LearningRate = learningRate },
            Fit = new FitSettings { Epochs = epochs },
            Seed = seed,
            LabelColumnName = labelColumnName,
        });
    }
}
