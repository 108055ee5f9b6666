using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Thread-safe predictions for a web app or any multi-threaded host: PredictionEngine is not thread-safe, so each
/// call borrows an engine from a pool and returns it.
/// </summary>
public sealed class PooledSentimentPredictor
{
    private readonly ObjectPool<PredictionEngine<ReviewInput, SentimentPrediction>> _engines;

    public PooledSentimentPredictor(SentimentModel model, int maximumRetained = 0)
    {
        var retained = maximumRetained > 0 ? maximumRetained : Environment.ProcessorCount * 2;
        _engines = new DefaultObjectPool<PredictionEngine<ReviewInput, SentimentPrediction>>(new EnginePolicy(model), retained);
    }

    public SentimentPrediction Predict(string text)
    {
        var engine = _engines.Get();
        try
        {
            return engine.Predict(new ReviewInput { Text = text });
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private sealed class EnginePolicy(SentimentModel model) : PooledObjectPolicy<PredictionEngine<ReviewInput, SentimentPrediction>>
    {
        public override PredictionEngine<ReviewInput, SentimentPrediction> Create() => model.CreatePredictionEngine();

        public override bool Return(PredictionEngine<ReviewInput, SentimentPrediction> engine) => true;
    }
}
