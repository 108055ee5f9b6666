using ImdbSentiment.Model.Data;
using Microsoft.ML;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// A model as score and predict serve it. A zip whose chain is this product's runs on a <see cref="DirectNetwork"/>
/// read straight from the zip: no ML.NET load and no second onnxruntime session (ML.NET's OnnxTransformer makes one
/// of its own). Any other chain is loaded through ML.NET and scored through its DirectNetwork or, for a chain that
/// has none (the benchmark's ML.NET baseline), through PredictionEngines. Either way a review gets the engine's
/// probability bit for bit.
/// </summary>
internal sealed class ServingModel : IDisposable
{
    private readonly SentimentModel? _model;
    private readonly bool _ownsModel;
    private readonly DirectNetwork? _network;

    private ServingModel(SentimentModel? model, bool ownsModel, DirectNetwork? network)
    {
        _model = model;
        _ownsModel = ownsModel;
        _network = network;
    }

    /// <summary>Loads the zip at <paramref name="path"/>, refusing a missing, unreadable or foreign file with <see cref="SentimentModel.Load(string, MLContext?)"/>'s errors.</summary>
    public static ServingModel Load(string path)
    {
        // A chain the reader recognises ends with this product's output step, so it needs no check for a foreign zip;
        // anything else (no file, not a zip, a foreign or damaged zip) gets SentimentModel.Load's checks and errors.
        if (DirectNetwork.TryOpen(path) is { } network)
            return new ServingModel(null, false, network);
        var model = SentimentModel.Load(path);
        try
        {
            return new ServingModel(model, true, DirectNetwork.TryCreate(model));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Serves a model the caller has loaded and keeps disposing.</summary>
    public static ServingModel Over(SentimentModel model) => new(model, false, DirectNetwork.TryCreate(model));

    /// <summary>A scorer for one thread.</summary>
    public IReviewScorer CreateScorer() => _network is { } network ? network.CreateScorer() : new EngineScorer(_model!);

    public void Dispose()
    {
        _network?.Dispose();
        if (_ownsModel)
            _model!.Dispose();
    }

    private sealed class EngineScorer(SentimentModel model) : IReviewScorer
    {
        private readonly PredictionEngine<ReviewInput, SentimentPrediction> _engine = model.CreatePredictionEngine();
        private readonly ReviewInput _input = new();

        public float Probability(string text)
        {
            _input.Text = EscapedBytes.Replaced(text);
            return _engine.Predict(_input).Probability;
        }

        // The engine shares the model's ONNX session, which the model disposes.
        public void Dispose()
        {
        }
    }
}
