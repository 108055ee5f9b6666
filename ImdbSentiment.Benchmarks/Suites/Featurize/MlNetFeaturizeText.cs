using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Benchmarks.Suites.Featurize;

/// <summary>BASELINE: ML.NET's own FeaturizeText with its defaults (word 1-2-grams and character 3-grams, normalised counts).</summary>
internal sealed class MlNetFeaturizeText : IFeaturizerCandidate
{
    private const string Features = "Features";

    public string Name => "BASELINE: ML.NET FeaturizeText (defaults)";

    public ITransformer Fit(MLContext mlContext, IDataView reviews) =>
        mlContext.Transforms.Text.FeaturizeText(Features, ColumnNames.Text).Fit(reviews);

    public string Materialize(IDataView featurized)
    {
        var column = featurized.Schema[Features];
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var features = default(VBuffer<float>);
        // Sparse rows are kept sparse: a dense copy of every row would not fit in memory.
        var rows = new List<(int[] Indices, float[] Values)>();
        long stored = 0;
        while (cursor.MoveNext())
        {
            getter(ref features);
            rows.Add((features.GetIndices().ToArray(), features.GetValues().ToArray()));
            stored += features.GetValues().Length;
        }
        return $"{Units.Count(rows.Count)} x {Units.Count(features.Length)} sparse ({Units.Count(stored / Math.Max(rows.Count, 1))} values a row)";
    }
}
