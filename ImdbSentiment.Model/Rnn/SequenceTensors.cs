using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace ImdbSentiment.Model.Rnn;

/// <summary>A featurized split as tensors: token ids [rows, max length] (int64) and labels [rows] (0 or 1, float32).</summary>
public sealed class SequenceTensors : IDisposable
{
    private SequenceTensors(Tensor tokenIds, Tensor labels)
    {
        TokenIds = tokenIds;
        Labels = labels;
    }

    public Tensor TokenIds { get; }

    public Tensor Labels { get; }

    public long Count => Labels.shape[0];

    public static SequenceTensors FromDataView(IDataView featurized)
    {
        var rows = new List<long[]>();
        var labels = new List<float>();
        var idsColumn = featurized.Schema[ColumnNames.TokenIds];
        var labelColumn = featurized.Schema[ColumnNames.Label];
        using var cursor = featurized.GetRowCursor([idsColumn, labelColumn]);
        var getIds = cursor.GetGetter<VBuffer<long>>(idsColumn);
        var getLabel = cursor.GetGetter<bool>(labelColumn);
        var ids = default(VBuffer<long>);
        var label = false;
        while (cursor.MoveNext())
        {
            getIds(ref ids);
            getLabel(ref label);
            rows.Add(ids.DenseValues().ToArray());
            labels.Add(label ? 1f : 0f);
        }

        if (rows.Count == 0)
            throw new InvalidOperationException("The data has no rows to train or validate on.");

        var length = rows[0].Length;
        var flat = new long[rows.Count * length];
        for (var i = 0; i < rows.Count; i++)
            rows[i].CopyTo(flat, i * length);
        return new SequenceTensors(tensor(flat, [rows.Count, length]), tensor(labels.ToArray()));
    }

    public void Dispose()
    {
        TokenIds.Dispose();
        Labels.Dispose();
    }
}
