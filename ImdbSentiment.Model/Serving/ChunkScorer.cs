using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Scores a chunk of rows on every core: one PredictionEngine per worker (an engine is not thread-safe), each taking a
/// contiguous slice, so the results come back in row order. A null text (the caller found no words in it, see
/// <see cref="ReviewText"/>) gets no prediction (null).
/// </summary>
internal sealed class ChunkScorer(SentimentModel model)
{
    public const int ChunkSize = 4096;

    private readonly Worker[] _workers = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Worker(model))];

    public SentimentPrediction?[] Score(IReadOnlyList<string?> texts)
    {
        var predictions = new SentimentPrediction?[texts.Count];
        var sliceLength = (texts.Count + _workers.Length - 1) / _workers.Length;
        Parallel.For(0, _workers.Length, w =>
        {
            var end = Math.Min(texts.Count, (w + 1) * sliceLength);
            for (var i = w * sliceLength; i < end; i++)
                predictions[i] = texts[i] is { } text ? _workers[w].Predict(text) : null;
        });
        return predictions;
    }

    private sealed class Worker(SentimentModel model)
    {
        private readonly Microsoft.ML.PredictionEngine<ReviewInput, SentimentPrediction> _engine = model.CreatePredictionEngine();
        private readonly ReviewInput _input = new();

        public SentimentPrediction Predict(string text)
        {
            _input.Text = EscapedBytes.Replaced(text);
            return _engine.Predict(_input);
        }
    }
}
