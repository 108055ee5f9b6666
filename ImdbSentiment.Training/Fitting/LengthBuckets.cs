using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// Batches of reviews of similar lengths, for networks that run only a batch's longest review's steps
/// (<see cref="Networks.SentimentNetworkBase.MasksPadding"/>): the epoch's shuffled order is cut into windows of
/// <see cref="WindowBatches"/> batches, each window sorted by length (stably) and cut into batches, and the batches
/// are shuffled again so that an epoch does not run from short to long reviews window by window.
/// </summary>
internal static class LengthBuckets
{
    /// <summary>
    /// 32 batches (2,048 reviews at batch 64) leave a batch's longest review a few tokens longer than its shortest,
    /// while a batch still mixes reviews from the whole split.
    /// </summary>
    public const int WindowBatches = 32;

    /// <param name="order">The epoch's shuffled row order.</param>
    /// <param name="lengths">Each row's real-token count.</param>
    /// <param name="shuffler">The trainer's seeded generator, which also shuffles the batches.</param>
    public static long[][] Batches(long[] order, IReadOnlyList<long> lengths, int batchSize, Generator shuffler)
    {
        var window = batchSize * WindowBatches;
        var batches = order.Chunk(window)
            .SelectMany(rows => rows.OrderBy(row => lengths[(int)row]).Chunk(batchSize))
            .ToArray();
        using var batchOrder = randperm(batches.Length, generator: shuffler);
        return [.. batchOrder.data<long>().ToArray().Select(index => batches[index])];
    }

    /// <summary>
    /// The most rows an evaluation batch of length-sorted reviews takes. Such a batch wastes little on padding at any
    /// size, and a larger one only makes each layer's tensors outgrow the caches: the bilstm recipe's validation pass took
    /// 3.9-4.1 s in 1,000-row batches and 1.4-1.6 s in 128-row ones (64 and 256 rows: 1.4-1.8 s).
    /// </summary>
    public const int EvaluationRows = 128;

    /// <summary>
    /// The row indices sorted by length (stably), in batches of <paramref name="batchSize"/> rows or
    /// <see cref="EvaluationRows"/>, whichever is fewer: the order evaluation passes take, where order does not matter.
    /// </summary>
    public static long[][] ByLength(IReadOnlyList<long> lengths, int batchSize) =>
        [.. Enumerable.Range(0, lengths.Count).Select(row => (long)row).OrderBy(row => lengths[(int)row]).Chunk(Math.Min(batchSize, EvaluationRows))];
}
