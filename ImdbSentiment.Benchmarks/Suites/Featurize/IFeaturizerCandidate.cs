using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Featurize;

/// <summary>A text featurizer measured by the featurize suite: fitted on the reviews, then its output read to the end.</summary>
internal interface IFeaturizerCandidate
{
    string Name { get; }

    ITransformer Fit(MLContext mlContext, IDataView reviews);

    /// <summary>Reads every row's features into memory, as training would; returns a description of the output.</summary>
    string Materialize(IDataView featurized);
}
