using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Scores a chunk of rows on every core: one PredictionEngine per worker (an engine is not thread-safe), each taking a
/// contiguous slice, so the results come back in row order. A row whose text has no words (see <see cref="ReviewText"/>) gets no prediction (null).
/// </summary>
internal sealed class ChunkScorer(SentimentModel model)
{
    public const int ChunkSize = 4096;

    private readonly Worker[] _workers = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Worker(model))];

    public SentimentPrediction?[] Score(IReadOnlyList<string[]> rows, int textIndex)
    {
        var predictions = new SentimentPrediction?[rows.Count];
        var sliceLength = (rows.Count + _workers.Length - 1) / _workers.Length;
        Parallel.For(0, _workers.Length, w =>
        {
            var end = Math.Min(rows.Count, (w + 1) * sliceLength);
            for (var i = w * sliceLength; i < end; i++)
                predictions[i] = _workers[w].Predict(rows[i][textIndex]);
        });
        return predictions;
    }

    private sealed class Worker(SentimentModel model)
    {
        private readonly Microsoft.ML.PredictionEngine<ReviewInput, SentimentPrediction> _engine = model.CreatePredictionEngine();
        private readonly ReviewInput _input = new();

        public SentimentPrediction? Predict(string text)
        {
            if (!ReviewText.HasWords(text))
                return null;

            _input.Text = EscapedBytes.Replaced(text);
            return _engine.Predict(_input);
        }
    }
}
