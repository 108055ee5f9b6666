using ImdbSentiment.Model.Text;
using Microsoft.ML;

namespace ImdbSentiment.Model;

/// <summary>The review featurizer on ML.NET's text catalog: <c>mlContext.Transforms.Text.FeaturizeReview(...)</c>.</summary>
public static class ReviewFeaturizerCatalog
{
    /// <summary>Raw review text to padded token ids and, with n-grams, n-gram ids; see <see cref="ReviewFeaturizerEstimator"/>.</summary>
    public static ReviewFeaturizerEstimator FeaturizeReview(this TransformsCatalog.TextTransforms catalog, FeaturizerOptions options) =>
        new(CatalogContext.Of(catalog, seed: 1), options);

    /// <summary>The featurizer with its most used settings; the Keras recipe's values by default.</summary>
    /// <param name="vocabularySize">Word ids, counting the reserved 0 (padding), 1 (start) and 2 (out-of-vocabulary).</param>
    /// <param name="ngramLength">Longest word n-gram emitted for an n-gram branch; 0 for none.</param>
    /// <param name="inputColumnName">The raw review text column.</param>
    public static ReviewFeaturizerEstimator FeaturizeReview(
        this TransformsCatalog.TextTransforms catalog, int vocabularySize = 500, int maxLength = 100, int ngramLength = 0, string inputColumnName = ColumnNames.Text) =>
        catalog.FeaturizeReview(new FeaturizerOptions { VocabularySize = vocabularySize, MaxLength = maxLength, NgramLength = ngramLength, TextColumnName = inputColumnName });
}

/// <summary>
/// The context a catalog component builds its ML.NET transforms with. ML.NET 5 keeps everything a third-party component
/// would take from the user's MLContext internal: a catalog's environment (<c>IInternalCatalog.Environment</c>), the
/// context's seed (<c>IHostEnvironmentInternal.Seed</c>) and its cancellation (<c>MLContext.CancelExecution</c>), and the
/// environment a catalog holds is not the MLContext itself. So a component gets a context of its own, seeded from its
/// options; every setting that matters is in the options and the transforms used are deterministic, so it gives the
/// same model. The trainer's progress and cancellation are in its options; its log reaches <c>mlContext.Log</c> only
/// when the trainer is constructed with that context.
/// </summary>
internal static class CatalogContext
{
    public static MLContext Of(object catalog, int seed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new MLContext(seed);
    }
}
