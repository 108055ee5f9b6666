namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Scores a chunk of rows on every core: one scorer per worker (a scorer is not thread-safe), each taking a contiguous
/// slice, so the results come back in row order (<see cref="ServingModel"/> says what a scorer runs). A null text (the
/// caller found no words in it, see <see cref="ReviewText"/>) gets no probability (null).
/// </summary>
internal sealed class ChunkScorer : IDisposable
{
    public const int ChunkSize = 4096;

    private readonly IReviewScorer[] _workers;

    public ChunkScorer(ServingModel model) =>
        _workers = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => model.CreateScorer())];

    public float?[] Probabilities(IReadOnlyList<string?> texts)
    {
        var probabilities = new float?[texts.Count];
        var sliceLength = (texts.Count + _workers.Length - 1) / _workers.Length;
        Parallel.For(0, _workers.Length, w =>
        {
            var end = Math.Min(texts.Count, (w + 1) * sliceLength);
            for (var i = w * sliceLength; i < end; i++)
                probabilities[i] = texts[i] is { } text ? _workers[w].Probability(text) : null;
        });
        return probabilities;
    }

    public void Dispose()
    {
        foreach (var worker in _workers)
            worker.Dispose();
    }
}
