using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Thread-safe predictions for a web app or any multi-threaded host: each call borrows a scorer from a pool and
/// returns it. A product model's scorers run its featurizer and network directly (<see cref="DirectNetwork"/>: the
/// PredictionEngine's label, probability and score bit for bit, without ML.NET's per-row pipeline); another chain's
/// are PredictionEngines, which are not thread-safe either. Disposing it releases the scorers' onnxruntime session.
/// </summary>
public sealed class PooledSentimentPredictor : IDisposable
{
    private readonly DirectNetwork? _network;
    private readonly ObjectPool<DirectNetwork.Scorer>? _scorers;
    private readonly ObjectPool<PredictionEngine<ReviewInput, SentimentPrediction>>? _engines;

    public PooledSentimentPredictor(SentimentModel model, int maximumRetained = 0)
    {
        // A pool of disposable scorers disposes those it does not retain, and the rest when it is disposed.
        var pools = new DefaultObjectPoolProvider { MaximumRetained = maximumRetained > 0 ? maximumRetained : Environment.ProcessorCount * 2 };
        _network = DirectNetwork.TryCreate(model);
        if (_network is { } network)
            _scorers = pools.Create(new Policy<DirectNetwork.Scorer>(network.CreateScorer));
        else
            _engines = pools.Create(new Policy<PredictionEngine<ReviewInput, SentimentPrediction>>(model.CreatePredictionEngine));
    }

    public SentimentPrediction Predict(string text) => _scorers is { } scorers
        ? Borrow(scorers, scorer => scorer.Predict(text))
        : Borrow(_engines!, engine => engine.Predict(new ReviewInput { Text = text }));

    public void Dispose()
    {
        (_scorers as IDisposable)?.Dispose();
        _network?.Dispose();
    }

    private static SentimentPrediction Borrow<T>(ObjectPool<T> pool, Func<T, SentimentPrediction> predict) where T : class
    {
        var borrowed = pool.Get();
        try
        {
            return predict(borrowed);
        }
        finally
        {
            pool.Return(borrowed);
        }
    }

    private sealed class Policy<T>(Func<T> create) : PooledObjectPolicy<T> where T : notnull
    {
        public override T Create() => create();

        public override bool Return(T borrowed) => true;
    }
}
