using ImdbSentiment.Model.IO;
using ImdbSentiment.Model.ModelFormat;
using ImdbSentiment.Model.Serving;
using Microsoft.ML;

namespace ImdbSentiment.Model;

/// <summary>
/// A saved ImdbSentiment model zip, loaded with <c>mlContext.Model.Load</c>: featurizer and network in one ITransformer.
/// Needs neither TorchSharp nor the training data. The zip also carries the product's own spec of the featurizer and
/// network (docs/model-format.md), which the predictors serve from. ML.NET unpacks the network's ONNX file into a temporary folder of
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

    /// <summary>The product's entries of the zip (<see cref="ModelFile"/>), read and checked before ML.NET read the rest.</summary>
    internal ModelFile File { get; private init; } = null!;

    /// <summary>
    /// Loads an ImdbSentiment model zip. A zip without the product's spec (a foreign zip, or one saved before model
    /// format 1) is refused with <see cref="ForeignModelException"/>, a damaged one with
    /// <see cref="UnreadableModelException"/>.
    /// </summary>
    public static SentimentModel Load(string path, MLContext? mlContext = null)
    {
        var file = ModelFile.Read(path);
        mlContext ??= new MLContext();
        OnnxRuntimeSettings.Apply();
        // The zip names the custom mappings by contract; their assembly must be known to the catalog.
        mlContext.ComponentCatalog.RegisterAssembly(typeof(SentimentModel).Assembly);
        var temporaryFiles = new OwnedTemporaryFolder();
        mlContext.TempFilePath = temporaryFiles.Path;
        try
        {
            return new SentimentModel(mlContext, mlContext.Model.Load(path, out _), path, temporaryFiles) { File = file };
        }
        catch (Exception exception) when (IsUnreadableFile(exception) || IsUnreadableFile(exception.GetBaseException()))
        {
            // A corrupt ONNX entry fails after ML.NET has unpacked it.
            temporaryFiles.Dispose();
            throw ModelFile.Unreadable(path, exception);
        }
    }

    /// <summary>
    /// Saves a fitted ImdbSentiment pipeline (featurizer and network) as a model zip: ML.NET's
    /// <c>mlContext.Model.Save</c>, plus the product's spec beside ML.NET's entries, which <see cref="Load"/>, the
    /// predictors and <c>export</c> read. A zip saved by <c>mlContext.Model.Save</c> alone loads in ML.NET but not here;
    /// saving what <c>mlContext.Model.Load</c> gives back re-saves it.
    /// </summary>
    /// <exception cref="ArgumentException">The pipeline is not an ImdbSentiment featurizer and network.</exception>
    public static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, temporary =>
        {
            mlContext.Model.Save(model, inputSchema, temporary);
            ModelFileWriter.AddTo(temporary, mlContext, model);
        });
    }

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
