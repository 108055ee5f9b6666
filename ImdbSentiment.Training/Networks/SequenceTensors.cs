using ImdbSentiment.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A featurized split as tensors: token ids [rows, max length], labels [rows] (float32: 0 or 1, or a teacher's
/// probability for a pseudo-labelled review) and, when the featurizer made them, each row's n-gram ids (of varying
/// counts, kept per row and padded per batch). Ids are held as int32 and widened to int64 per batch: a training set
/// with the unlabelled reviews is 66,000 rows of 1,000 ids, and held as int64 it alone was a fifth of the memory budget.
/// </summary>
internal sealed class SequenceTensors : IDisposable
{
    private readonly int[][]? _ngramIds;

    private SequenceTensors(NetworkInputs inputs, Tensor tokenIds, Tensor labels, int[][]? ngramIds)
    {
        Inputs = inputs;
        TokenIds = tokenIds;
        Labels = labels;
        _ngramIds = ngramIds;
    }

    /// <summary>The id ranges of the featurizer the rows came from.</summary>
    public NetworkInputs Inputs { get; }

    /// <summary>The token ids [rows, max length], int32; a batch widens its rows to int64 (<see cref="Batch"/>, <see cref="Range"/>).</summary>
    public Tensor TokenIds { get; }

    public Tensor Labels { get; }

    public long Count => Labels.shape[0];

    /// <summary>Each row's real (non-padding) token count, read once.</summary>
    public IReadOnlyList<long> Lengths => _lengths ??= TokenIds.ne(KeptScalars.PaddingId).sum([1]).data<long>().ToArray();

    private long[]? _lengths;

    /// <summary>Each row's n-gram ids (padding id first), or null when the featurizer made none.</summary>
    public IReadOnlyList<int[]>? NgramIds => _ngramIds;

    /// <summary>Reads a featurized view: its token ids, n-gram ids when present, and the bool label column.</summary>
    public static SequenceTensors FromDataView(IDataView featurized, string labelColumnName = ColumnNames.Label)
    {
        var labelColumn = featurized.Schema.GetColumnOrNull(labelColumnName) is { Type: BooleanDataViewType } label
            ? label
            : throw new ArgumentException($"The featurized data has no bool label column {labelColumnName} (true = positive).", nameof(labelColumnName));
        return Read(featurized, labelColumn);
    }

    /// <summary>Reads the token ids and n-gram ids of featurized reviews without labels; every label is 0 until a teacher's replace them (<see cref="Concat"/>, <see cref="Subset"/>).</summary>
    public static SequenceTensors FromUnlabelledView(IDataView featurized) => Read(featurized, labelColumn: null);

    private static SequenceTensors Read(IDataView featurized, DataViewSchema.Column? labelColumn)
    {
        var inputs = NetworkInputs.FromSchema(featurized.Schema);
        var rows = new List<int[]>();
        var ngramColumn = featurized.Schema.GetColumnOrNull(ColumnNames.NgramIds);
        var ngrams = ngramColumn is null ? null : new List<int[]>();
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
            rows.Add(Narrowed(ids));
            labels.Add(positive ? 1f : 0f);
            if (getNgrams is not null)
            {
                getNgrams(ref ngramIds);
                ngrams!.Add(Narrowed(ngramIds));
            }
        }

        if (rows.Count == 0)
            throw new InvalidOperationException("The data has no rows to train or validate on.");

        var length = rows[0].Length;
        var flat = new int[rows.Count * length];
        for (var i = 0; i < rows.Count; i++)
            rows[i].CopyTo(flat, i * length);
        return new SequenceTensors(inputs, tensor(flat, [rows.Count, length]), tensor(labels.ToArray()), ngrams?.ToArray());
    }

    /// <summary>The ids as int32: a vocabulary or n-gram list past int32's range could not be held by any network here.</summary>
    private static int[] Narrowed(VBuffer<long> ids)
    {
        var narrowed = new int[ids.Length];
        var index = 0;
        foreach (var id in ids.DenseValues())
            narrowed[index++] = checked((int)id);
        return narrowed;
    }

    /// <summary>
    /// The rows of <paramref name="first"/>, then those of <paramref name="second"/>, as one split; the second's rows take
    /// <paramref name="secondLabels"/> when given (a teacher's probabilities for unlabelled reviews). The n-gram ids
    /// come along when both have them, unless <paramref name="withNgramIds"/> is false (for a network that reads none:
    /// they are then let go, and no batch pads them).
    /// </summary>
    public static SequenceTensors Concat(SequenceTensors first, SequenceTensors second, Tensor? secondLabels = null, bool withNgramIds = true) =>
        new(first.Inputs, cat([first.TokenIds, second.TokenIds]), cat([first.Labels, secondLabels ?? second.Labels]),
            !withNgramIds || first._ngramIds is null || second._ngramIds is null ? null : [.. first._ngramIds, .. second._ngramIds]);

    /// <summary>
    /// The rows at <paramref name="rows"/>, in that order, as a split of their own with <paramref name="labels"/> (one a
    /// row, e.g. a teacher's probabilities), which the split then owns and disposes of.
    /// </summary>
    public SequenceTensors Subset(long[] rows, Tensor labels)
    {
        if (labels.shape is not [var count] || count != rows.Length)
            throw new ArgumentException($"Expected one label a row ({rows.Length}); got a tensor of shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        using var indices = tensor(rows);
        return new(Inputs, TokenIds.index_select(0, indices), labels, _ngramIds is null ? null : [.. rows.Select(row => _ngramIds[row])]);
    }

    /// <summary>The rows at <paramref name="indices"/> (int64 [batch]) as one batch.</summary>
    public FeatureBatch Batch(Tensor indices) =>
        new(TokenIds.index_select(0, indices).to_type(ScalarType.Int64), _ngramIds is null ? null : PaddedNgrams(indices.data<long>().ToArray()));

    /// <summary>The rows start to start + length - 1 as one batch.</summary>
    public FeatureBatch Range(long start, long length) =>
        new(TokenIds.narrow(0, start, length).to_type(ScalarType.Int64), _ngramIds is null ? null : PaddedNgrams([.. Enumerable.Range((int)start, (int)length).Select(i => (long)i)]));

    private Tensor PaddedNgrams(long[] rows)
    {
        var width = rows.Max(row => _ngramIds![row].Length);
        var flat = new long[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = _ngramIds![rows[i]];
            for (var j = 0; j < row.Length; j++)
                flat[i * width + j] = row[j];
        }
        return tensor(flat, [rows.Length, width]);
    }

    public void Dispose()
    {
        TokenIds.Dispose();
        Labels.Dispose();
    }
}
