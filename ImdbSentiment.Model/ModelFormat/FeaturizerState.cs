using ImdbSentiment.Model.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Model.ModelFormat;

/// <summary>
/// What a fitted featurizer holds, read back from its transformer chain when the model is saved (the model spec is
/// written from it): the word vocabulary (the key values of <see cref="ColumnNames.TokenKeys"/>), the n-gram
/// vocabulary (of <see cref="ColumnNames.NgramKeys"/>) and the settings that travel as constant columns. Each is read
/// where the chain makes it, before a later step drops it.
/// </summary>
internal sealed record FeaturizerState(
    IReadOnlyList<string> Words, int MaxLength, SequenceSide Padding, SequenceSide Truncating,
    int NgramLength, IReadOnlyList<string> Ngrams)
{
    /// <exception cref="ArgumentException">The chain has no ImdbSentiment featurizer.</exception>
    public static FeaturizerState Read(MLContext mlContext, ITransformer model)
    {
        IDataView data = mlContext.Data.LoadFromEnumerable([new ReviewInput { Text = "a" }]);
        var found = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var step in Steps(model))
        {
            data = step.Transform(data);
            foreach (var column in data.Schema)
            {
                if (found.ContainsKey(column.Name))
                    continue;
                if (column.Name is ColumnNames.TokenKeys or ColumnNames.NgramKeys)
                    found[column.Name] = KeyValues(column);
                else if (column.Name is ColumnNames.SequenceLength or ColumnNames.SequencePadding or ColumnNames.SequenceTruncating or ColumnNames.NgramLength)
                    found[column.Name] = FirstValue(data, column);
            }
        }

        int Setting(string name) => found.TryGetValue(name, out var value)
            ? (int)value
            : throw new ArgumentException($"the model's featurizer has no {name} step: it is not an ImdbSentiment featurizer and network", nameof(model));
        var words = found.TryGetValue(ColumnNames.TokenKeys, out var keys)
            ? (string[])keys
            : throw new ArgumentException("the model's featurizer has no word vocabulary: it is not an ImdbSentiment featurizer and network", nameof(model));
        var ngramLength = found.ContainsKey(ColumnNames.NgramLength) ? Setting(ColumnNames.NgramLength) : 0;
        var ngrams = ngramLength > 0 && found.TryGetValue(ColumnNames.NgramKeys, out var ngramKeys) ? (string[])ngramKeys : [];
        return new FeaturizerState(words, Setting(ColumnNames.SequenceLength), (SequenceSide)Setting(ColumnNames.SequencePadding),
            (SequenceSide)Setting(ColumnNames.SequenceTruncating), ngramLength, ngrams);
    }

    /// <summary>The chain's transformers in order, nested chains flattened.</summary>
    private static IEnumerable<ITransformer> Steps(ITransformer transformer)
    {
        if (transformer is IEnumerable<ITransformer> chain)
            return chain.SelectMany(Steps);
        return [transformer];
    }

    /// <summary>The vocabulary in key order: key k (1-based) is <c>values[k - 1]</c>.</summary>
    private static string[] KeyValues(DataViewSchema.Column column)
    {
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetKeyValues(ref values);
        return values.DenseValues().Select(value => value.ToString()).ToArray();
    }

    private static int FirstValue(IDataView data, DataViewSchema.Column column)
    {
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<int>(column);
        var value = 0;
        if (cursor.MoveNext())
            getter(ref value);
        return value;
    }
}
