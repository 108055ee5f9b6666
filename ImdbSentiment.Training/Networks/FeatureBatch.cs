using ImdbSentiment.Model;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// What a sentiment network reads for a batch of reviews: the padded token ids [batch, time] (int64) and, for an
/// n-gram branch, each row's n-gram ids [batch, most n-grams in the batch], padded with id 0 (int64).
/// </summary>
public sealed record FeatureBatch(Tensor TokenIds, Tensor? NgramIds = null)
{
    /// <summary>Which share of a training batch these rows are (<see cref="FitSettings.BatchShares"/>): it picks the dropout masks' generator.</summary>
    public int Share { get; init; }

    /// <summary>Token ids alone, for networks without an n-gram branch.</summary>
    public static implicit operator FeatureBatch(Tensor tokenIds) => new(tokenIds);

    public Tensor RequireNgramIds() =>
        NgramIds ?? throw new InvalidOperationException($"This network has an n-gram branch: its input needs {ColumnNames.NgramIds} (set the featurizer's NgramLength).");
}
