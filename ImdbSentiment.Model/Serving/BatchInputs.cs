using System.Runtime.InteropServices;
using ImdbSentiment.Model.ModelFormat;
using ImdbSentiment.Model.Text;
using Microsoft.ML.OnnxRuntime;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// One thread's buffers for the network inputs of a batch of up to <see cref="SentimentScorer.BatchSize"/> reviews,
/// reused from batch to batch: scoring a file makes no arrays per review or per batch, which on two cores kept the
/// garbage collector busy (a batch's n-gram ids alone are about a megabyte). For a network that ignores token padding
/// (<paramref name="padsToLongest"/>) the token-id rows are padded to the batch's longest review, not to MaxLength:
/// reviews of like length share a batch, so the recurrent branch runs over about their real tokens, not 1,000 positions.
/// </summary>
internal sealed class BatchInputs(SpecFeaturizer featurizer, bool padsToLongest)
{
    private readonly SpecFeaturizer.Words _words = new();
    private readonly long[] _tokenIds = new long[SentimentScorer.BatchSize * (featurizer.TokenIds?.MaxLength ?? 0)];
    private readonly int[] _tokenCounts = new int[SentimentScorer.BatchSize];
    private readonly List<long> _ngramIds = [];
    private readonly int[] _ngramRowEnds = new int[SentimentScorer.BatchSize];
    private long[] _paddedNgramIds = [];

    /// <summary>
    /// The inputs for <paramref name="texts"/> in the order of the model spec's inputs (token ids first), over this
    /// object's buffers, so valid until the next call; the caller disposes them.
    /// </summary>
    public List<OrtValue> Make(IReadOnlyList<string> texts)
    {
        var rows = texts.Count;
        _ngramIds.Clear();
        for (var r = 0; r < rows; r++)
        {
            SpecFeaturizer.Tokenize(texts[r], _words);
            if (featurizer.TokenIds is { } tokenSpec)
            {
                _tokenCounts[r] = padsToLongest ? featurizer.RealTokenIdCount(_words) : tokenSpec.MaxLength;
                // Only the row's own ids are written here; PaddedTokenIds pads it, even in a batch as long as MaxLength.
                featurizer.WriteTokenIds(_words, _tokenIds.AsSpan(r * tokenSpec.MaxLength, _tokenCounts[r]));
            }
            if (featurizer.NgramIds is not null)
            {
                featurizer.AddNgramIds(_words, _ngramIds);
                _ngramRowEnds[r] = _ngramIds.Count;
            }
        }
        var inputs = new List<OrtValue>(2);
        if (featurizer.TokenIds is { } tokens)
            inputs.Add(PaddedTokenIds(rows, tokens));
        if (featurizer.NgramIds is { } ngrams)
            inputs.Add(PaddedNgramIds(rows, ngrams.PaddingId));
        return inputs;
    }

    // Each row's ids were written at its MaxLength-long slot; they move into rows of the batch's longest, padded on the
    // spec's side (in place: a row moves to a slot that starts no later than its own and ends before the next row's).
    private OrtValue PaddedTokenIds(int rows, TokenIdsSpec spec)
    {
        // Rows written MaxLength long were padded as they were written.
        if (!padsToLongest)
            return TokenIdsTensor(rows, spec.MaxLength);
        var width = 0;
        foreach (var count in _tokenCounts.AsSpan(0, rows))
            width = Math.Max(width, count);
        for (var r = 0; r < rows; r++)
        {
            var ids = _tokenIds.AsSpan(r * spec.MaxLength, _tokenCounts[r]);
            var row = _tokenIds.AsSpan(r * width, width);
            var padding = width - ids.Length;
            ids.CopyTo(spec.Padding == SequenceSide.Pre ? row[padding..] : row);
            (spec.Padding == SequenceSide.Pre ? row[..padding] : row[ids.Length..]).Fill(spec.PaddingId);
        }
        return TokenIdsTensor(rows, width);
    }

    private OrtValue TokenIdsTensor(int rows, int width) =>
        OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _tokenIds.AsMemory(0, rows * width), [rows, width]);

    // The rows of one batch are filled to the longest with the padding id, whose weight is 0.
    private OrtValue PaddedNgramIds(int rows, long paddingId)
    {
        var width = 0;
        for (var r = 0; r < rows; r++)
            width = Math.Max(width, RowLength(r));
        if (_paddedNgramIds.Length < rows * width)
            _paddedNgramIds = new long[Math.Max(rows * width, _paddedNgramIds.Length * 2)];
        var ids = CollectionsMarshal.AsSpan(_ngramIds);
        for (var r = 0; r < rows; r++)
        {
            var row = _paddedNgramIds.AsSpan(r * width, width);
            var start = r == 0 ? 0 : _ngramRowEnds[r - 1];
            ids[start.._ngramRowEnds[r]].CopyTo(row);
            row[RowLength(r)..].Fill(paddingId);
        }
        return OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _paddedNgramIds.AsMemory(0, rows * width), [rows, width]);
    }

    private int RowLength(int row) => _ngramRowEnds[row] - (row == 0 ? 0 : _ngramRowEnds[row - 1]);
}
