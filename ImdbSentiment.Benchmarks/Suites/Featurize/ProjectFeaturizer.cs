using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Benchmarks.Suites.Featurize;

/// <summary>OURS: <see cref="ReviewFeaturizerEstimator"/> to padded token ids.</summary>
internal sealed class ProjectFeaturizer(FeaturizerOptions options) : IFeaturizerCandidate
{
    public string Name => $"OURS: ReviewFeaturizerEstimator (vocab {options.VocabularySize}, length {options.MaxLength})";

    public ITransformer Fit(MLContext mlContext, IDataView reviews) => new ReviewFeaturizerEstimator(mlContext, options).Fit(reviews);

    public string Materialize(IDataView featurized)
    {
        var column = featurized.Schema[ColumnNames.TokenIds];
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<long>>(column);
        var ids = default(VBuffer<long>);
        var rows = new List<long[]>();
        while (cursor.MoveNext())
        {
            getter(ref ids);
            rows.Add(ids.GetValues().ToArray());
        }
        return $"{Units.Count(rows.Count)} x {options.MaxLength} token ids";
    }
}
