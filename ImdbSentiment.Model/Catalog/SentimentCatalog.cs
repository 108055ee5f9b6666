using ImdbSentiment.Model.Rnn;
using ImdbSentiment.Model.Text;
using Microsoft.ML;

namespace ImdbSentiment.Model;

/// <summary>
/// The product's components on ML.NET's catalogs, the way ML.NET users compose pipelines:
/// <c>mlContext.Transforms.Text.FeaturizeReview(...)</c> then <c>mlContext.BinaryClassification.Trainers.SentimentNetwork(...)</c>.
/// </summary>
public static class SentimentCatalog
{
    /// <summary>Raw review text (column Text) to padded token ids and, with n-grams, n-gram ids; see <see cref="ReviewFeaturizerEstimator"/>.</summary>
    public static ReviewFeaturizerEstimator FeaturizeReview(this TransformsCatalog.TextTransforms catalog, FeaturizerOptions options) =>
        new(OwnContext(catalog, seed: 1), options);

    /// <summary>The featurizer with its most used settings; the Keras recipe's values by default.</summary>
    /// <param name="vocabularySize">Word ids, counting the reserved 0 (padding), 1 (start) and 2 (out-of-vocabulary).</param>
    /// <param name="ngramLength">Longest word n-gram emitted for an n-gram branch; 0 for none.</param>
    public static ReviewFeaturizerEstimator FeaturizeReview(this TransformsCatalog.TextTransforms catalog, int vocabularySize = 500, int maxLength = 100, int ngramLength = 0) =>
        catalog.FeaturizeReview(new FeaturizerOptions { VocabularySize = vocabularySize, MaxLength = maxLength, NgramLength = ngramLength });

    /// <summary>The TorchSharp sentiment network trainer (a recurrent network, an n-gram bag, or both); see <see cref="RecurrentSentimentEstimator"/>.</summary>
    public static RecurrentSentimentEstimator SentimentNetwork(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, RecurrentTrainerOptions options) =>
        new(OwnContext(catalog, options.Seed), options);

    /// <summary>The trainer with its most used settings; the Keras recipe's values by default.</summary>
    /// <param name="network">A network name such as embedding-rnn, lstm, ngram-bag or ngram-bag+lstm.</param>
    /// <param name="vocabularySize">Must equal the featurizer's.</param>
    public static RecurrentSentimentEstimator SentimentNetwork(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, string network = "embedding-rnn", int vocabularySize = 500, int epochs = 100, double learningRate = 1e-4, int seed = 42)
    {
        var (architecture, ngramBranch) = RecurrentArchitectureNames.ParseNetwork(network);
        return catalog.SentimentNetwork(new RecurrentTrainerOptions
        {
            Architecture = architecture, NgramBranch = ngramBranch, VocabularySize = vocabularySize, Epochs = epochs, LearningRate = learningRate, Seed = seed,
        });
    }

    // The components build ML.NET transforms of their own, which needs an MLContext, and ML.NET keeps a catalog's
    // behind an internal interface (its environment is not even the MLContext). Every setting that matters is in the
    // options, and the transforms used are deterministic, so a context of their own gives the same model.
    private static MLContext OwnContext(object catalog, int seed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new MLContext(seed);
    }
}
