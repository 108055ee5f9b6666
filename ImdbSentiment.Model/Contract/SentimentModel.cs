using ImdbSentiment.Model.IO;
using Microsoft.ML;

namespace ImdbSentiment.Model;

/// <summary>
/// A saved ImdbSentiment model zip, loaded with <c>mlContext.Model.Load</c>: featurizer and network in one ITransformer.
/// Needs neither TorchSharp nor the training data. ML.NET unpacks the network's ONNX file into a temporary folder of
/// the model's own (the context's TempFilePath is set to it); disposing the model, or the process ending, removes it.
/// </summary>
public sealed class SentimentModel : IDisposable
{
    private readonly OwnedTemporaryFolder _temporaryFiles;

    private SentimentModel(MLContext mlContext, ITransformer transformer, string path, OwnedTemporaryFolder temporaryFiles)
    {
        MLContext = mlContext;
        Transformer = transformer;
        Path = path;
        _temporaryFiles = temporaryFiles;
    }

    public MLContext MLContext { get; }

    public ITransformer Transformer { get; }

    public string Path { get; }

    public static SentimentModel Load(string path, MLContext? mlContext = null) => Load(path, mlContext, requireProductModel: true);

    /// <param name="requireProductModel">False lets the benchmark load its ML.NET baseline zip through the same serving code.</param>
    internal static SentimentModel Load(string path, MLContext? mlContext, bool requireProductModel)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no model file there (expected an ImdbSentiment model zip).", path);
        if (requireProductModel)
            RequireProductModel(path);

        mlContext ??= new MLContext();
        // The zip names the custom mappings by contract; their assembly must be known to the catalog.
        mlContext.ComponentCatalog.RegisterAssembly(typeof(SentimentModel).Assembly);
        var temporaryFiles = new OwnedTemporaryFolder();
        mlContext.TempFilePath = temporaryFiles.Path;
        try
        {
            return new SentimentModel(mlContext, mlContext.Model.Load(path, out _), path, temporaryFiles);
        }
        catch (Exception exception) when (IsUnreadableFile(exception) || IsUnreadableFile(exception.GetBaseException()))
        {
            // A corrupt ONNX entry fails after ML.NET has unpacked it.
            temporaryFiles.Dispose();
            throw Unreadable(path, exception);
        }
    }

    private static void RequireProductModel(string path)
    {
        bool ours;
        try
        {
            ours = ProductModelMarker.IsProductModel(path);
        }
        catch (InvalidDataException exception)
        {
            throw Unreadable(path, exception);
        }
        if (!ours)
        {
            throw new ForeignModelException(
                $"{path}: a zip, but not an ImdbSentiment model: it lacks the {SentimentOutputMapping.ContractName} step every ImdbSentiment model ends with (a model from ML.NET Model Builder or another program is foreign here).", path);
        }
    }

    private static UnreadableModelException Unreadable(string path, Exception exception) => new(
        $"{path}: not a readable ImdbSentiment model zip ({exception.GetBaseException().Message.Split('\n')[0].Trim()}); it may be truncated or damaged.", path, exception);

    // ML.NET wraps what a truncated entry throws in the TargetInvocationExceptions of its component catalog.
    private static bool IsUnreadableFile(Exception exception) =>
        exception is InvalidDataException or FormatException or InvalidOperationException or IOException or ArgumentException;

    /// <summary>A new engine for one thread; for many threads use <see cref="PooledSentimentPredictor"/>.</summary>
    public PredictionEngine<ReviewInput, SentimentPrediction> CreatePredictionEngine() =>
        MLContext.Model.CreatePredictionEngine<ReviewInput, SentimentPrediction>(Transformer);

    /// <summary>Scores many reviews lazily: the returned view has Score, Probability and PredictedLabel columns.</summary>
    public IDataView Transform(IDataView reviews) => Transformer.Transform(reviews);

    public void Dispose()
    {
        (Transformer as IDisposable)?.Dispose();
        _temporaryFiles.Dispose();
    }
}

/// <summary>A model file that cannot be read as a model zip (truncated, damaged, or not a zip).</summary>
public sealed class UnreadableModelException(string message, string path, Exception? inner = null) : IOException(message, inner)
{
    public string Path { get; } = path;
}

/// <summary>A readable zip that is not an ImdbSentiment model (ML.NET Model Builder's, or another program's).</summary>
public sealed class ForeignModelException(string message, string path) : IOException(message)
{
    public string Path { get; } = path;
}
