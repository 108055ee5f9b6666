using Microsoft.ML;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// A saved ImdbSentiment model zip, loaded with <c>mlContext.Model.Load</c>: featurizer and network in one ITransformer.
/// Needs neither TorchSharp nor the training data. Dispose it to remove the ONNX file ML.NET unpacks to a temporary folder.
/// </summary>
public sealed class SentimentModel : IDisposable
{
    private SentimentModel(MLContext mlContext, ITransformer transformer, string path)
    {
        MLContext = mlContext;
        Transformer = transformer;
        Path = path;
    }

    public MLContext MLContext { get; }

    public ITransformer Transformer { get; }

    public string Path { get; }

    public static SentimentModel Load(string path, MLContext? mlContext = null)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no model file there (expected an ImdbSentiment model zip written by 'train').", path);

        mlContext ??= new MLContext();
        // The zip names the custom mappings by contract; their assembly must be known to the catalog.
        mlContext.ComponentCatalog.RegisterAssembly(typeof(SentimentModel).Assembly);
        try
        {
            return new SentimentModel(mlContext, mlContext.Model.Load(path, out _), path);
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or InvalidOperationException or IOException or ArgumentException)
        {
            throw new InvalidDataException(
                $"{path}: not a readable ImdbSentiment model zip ({exception.GetBaseException().Message.Split('\n')[0].Trim()}); retrain it or copy it again.", exception);
        }
    }

    /// <summary>A new engine for one thread; for many threads use <see cref="PooledSentimentPredictor"/>.</summary>
    public PredictionEngine<ReviewInput, SentimentPrediction> CreatePredictionEngine() =>
        MLContext.Model.CreatePredictionEngine<ReviewInput, SentimentPrediction>(Transformer);

    /// <summary>Scores many reviews lazily: the returned view has Score, Probability and PredictedLabel columns.</summary>
    public IDataView Transform(IDataView reviews) => Transformer.Transform(reviews);

    public void Dispose() => (Transformer as IDisposable)?.Dispose();
}
