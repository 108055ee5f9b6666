using ImdbSentiment.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A featurized split as tensors: token ids [rows, max length] (int64), labels [rows] (float32: 0 or 1, or a teacher's
/// probability for a pseudo-labelled review) and, when the
/// featurizer made them, each row's n-gram ids (of varying counts, kept per row and padded per batch).
/// </summary>
internal sealed class SequenceTensors : IDisposable
{
    private readonly long[][]? _ngramIds;

    private SequenceTensors(NetworkInputs inputs, Tensor tokenIds, Tensor labels, long[][]? ngramIds)
    {
        Inputs = inputs;
        TokenIds = tokenIds;
        Labels = labels;
        _ngramIds = ngramIds;
    }

    /// <summary>The id ranges of the featurizer the rows came from.</summary>
    public NetworkInputs Inputs { get; }

    public Tensor TokenIds { get; }

    public Tensor Labels { get; }

    public long Count => Labels.shape[0];

    /// <summary>Each row's real (non-padding) token count, read once.</summary>
    public IReadOnlyList<long> Lengths => _lengths ??= TokenIds.ne(KeptScalars.PaddingId).sum([1]).data<long>().ToArray();

    private long[]? _lengths;

    /// <summary>Each row's n-gram ids (padding id first), or null when the featurizer made none.</summary>
    public IReadOnlyList<long[]>? NgramIds => _ngramIds;

    /// <summary>Reads a featurized view: its token ids, n-gram ids when present, and the bool label column.</summary>
    public static SequenceTensors FromDataView(IDataView featurized, string labelColumnName = ColumnNames.Label)
    {
        var labelColumn = featurized.Schema.GetColumnOrNull(labelColumnName) is { Type: BooleanDataViewType } label
            ? label
            : throw new ArgumentException($"The featurized data has no bool label column {labelColumnName} (true = positive).", nameof(labelColumnName));
        return Read(featurized, labelColumn);
    }

    /// <summary>Reads the token ids and n-gram ids of featurized reviews without labels; every label is 0 until a teacher's replace them (<see cref="Concat"/>).</summary>
    public static SequenceTensors FromUnlabelledView(IDataView featurized) => Read(featurized, labelColumn: null);

    private static SequenceTensors Read(IDataView featurized, DataViewSchema.Column? labelColumn)
    {
        var inputs = NetworkInputs.FromSchema(featurized.Schema);
        var rows = new List<long[]>();
        var ngramColumn = featurized.Schema.GetColumnOrNull(ColumnNames.NgramIds);
        var ngrams = ngramColumn is null ? null : new List<long[]>();
        var labels = new List<float>();
        var idsColumn = featurized.Schema[ColumnNames.TokenIds];
        DataViewSchema.Column[] columns = [idsColumn, .. new[] { labelColumn, ngramColumn }.OfType<DataViewSchema.Column>()];
        using var cursor = featurized.GetRowCursor(columns);
        var getIds = cursor.GetGetter<VBuffer<long>>(idsColumn);
        var getLabel = labelColumn is { } column ? cursor.GetGetter<bool>(column) : null;
        var getNgrams = ngramColumn is { } ngramIdsColumn ? cursor.GetGetter<VBuffer<long>>(ngramIdsColumn) : null;
        var ids = default(VBuffer<long>);
        var ngramIds = default(VBuffer<long>);
        var positive = false;
        while (cursor.MoveNext())
        {
            getIds(ref ids);
            getLabel?.Invoke(ref positive);
            rows.Add(ids.DenseValues().ToArray());
            labels.Add(positive ? 1f : 0f);
            if (getNgrams is not null)
            {
                getNgrams(ref ngramIds);
                ngrams!.Add(ngramIds.DenseValues().ToArray());
            }
        }

        if (rows.Count == 0)
            throw new InvalidOperationException("The data has no rows to train or validate on.");

        var length = rows[0].Length;
        var flat = new long[rows.Count * length];
        for (var i = 0; i < rows.Count; i++)
            rows[i].CopyTo(flat, i * length);
        return new SequenceTensors(inputs, tensor(flat, [rows.Count, length]), tensor(labels.ToArray()), ngrams?.ToArray());
    }

    /// <summary>
    /// The rows of <paramref name="first"/>, then those of <paramref name="second"/>, as one split; the second's rows take
    /// <paramref name="secondLabels"/> when given (a teacher's probabilities for unlabelled reviews).
    /// </summary>
    public static SequenceTensors Concat(SequenceTensors first, SequenceTensors second, Tensor? secondLabels = null) =>
        new(first.Inputs, cat([first.TokenIds, second.TokenIds]), cat([first.Labels, secondLabels ?? second.Labels]),
            first._ngramIds is null || second._ngramIds is null ? null : [.. first._ngramIds, .. second._ngramIds]);

    /// <summary>The rows at <paramref name="indices"/> (int64 [batch]) as one batch.</summary>
    public FeatureBatch Batch(Tensor indices) =>
        new(TokenIds.index_select(0, indices), _ngramIds is null ? null : PaddedNgrams(indices.data<long>().ToArray()));

    /// <summary>The rows start to start + length - 1 as one batch.</summary>
    public FeatureBatch Range(long start, long length) =>
        new(TokenIds.narrow(0, start, length), _ngramIds is null ? null : PaddedNgrams([.. Enumerable.Range((int)start, (int)length).Select(i => (long)i)]));

    private Tensor PaddedNgrams(long[] rows)
    {
        var width = rows.Max(row => _ngramIds![row].Length);
        var flat = new long[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
            _ngramIds![rows[i]].CopyTo(flat, i * width);
        return tensor(flat, [rows.Length, width]);
    }

    public void Dispose()
    {
        TokenIds.Dispose();
        Labels.Dispose();
    }
}
