using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The sizes of what a network reads, taken from the featurizer so that they are never configured twice: the token-id
/// range (the word vocabulary with its 3 reserved ids) and the n-gram-id range (with the padding id; 0 for none).
/// </summary>
public sealed record NetworkInputs(int VocabularySize, int NgramVocabularySize)
{
    /// <summary>
    /// Reads the sizes from a featurized view's schema: the key counts of the featurizer's word and n-gram key columns.
    /// </summary>
    /// <exception cref="ArgumentException">The view has no token keys: it did not come from the review featurizer.</exception>
    public static NetworkInputs FromSchema(DataViewSchema schema)
    {
        var words = KeyCount(schema, ColumnNames.TokenKeys)
            ?? throw new ArgumentException(
                $"The sentiment network trains on the review featurizer's output, but the data has no key column {ColumnNames.TokenKeys}: put FeaturizeReview before it.", nameof(schema));
        return new(words + Vocabulary.ReservedIds, KeyCount(schema, ColumnNames.NgramKeys) is { } ngrams ? ngrams + 1 : 0);
    }

    /// <summary>The largest sizes a featurizer with these options gives (the fitted ones are smaller when the training data has fewer distinct terms).</summary>
    public static NetworkInputs Planned(FeaturizerOptions featurizer) =>
        new(featurizer.VocabularySize, featurizer.NgramLength > 0 ? featurizer.NgramVocabularySize : 0);

    private static int? KeyCount(DataViewSchema schema, string column)
    {
        var type = schema.GetColumnOrNull(column)?.Type;
        return ((type as VectorDataViewType)?.ItemType ?? type) is KeyDataViewType key ? checked((int)key.Count) : null;
    }
}
