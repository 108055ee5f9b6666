using static ImdbSentiment.Training.TensorSpans;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// A batch's distinct token ids (int64 [distinct], in order of first appearance) and each position's index among them
/// (int32, the ids' shape): what <see cref="ProjectedEmbedding"/> projects once a token instead of once a position.
/// </summary>
internal sealed record DistinctTokens(Tensor Ids, Tensor Slots)
{
    public static DistinctTokens Of(Tensor ids, long vocabulary)
    {
        var values = Longs(ids.to_type(ScalarType.Int64).contiguous());
        // A slot table the vocabulary's size (80 KB for 20,000 words) is cheaper than hashing 6,000-7,000 ids a share.
        var slotOf = new int[vocabulary];
        var distinct = new List<long>();
        var slots = new int[values.Length];
        for (var position = 0; position < values.Length; position++)
        {
            var id = values[position];
            if (id < 0 || id >= vocabulary)
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"A token id must be 0 to {vocabulary - 1}.");
            if (slotOf[id] == 0)
            {
                distinct.Add(id);
                slotOf[id] = distinct.Count;
            }

            slots[position] = slotOf[id] - 1;
        }

        return new DistinctTokens(tensor(distinct.ToArray()), tensor(slots, ids.shape));
    }
}
