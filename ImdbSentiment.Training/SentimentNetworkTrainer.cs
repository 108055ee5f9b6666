using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.Onnx;
using ImdbSentiment.Training.WordVectors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace ImdbSentiment.Training;

/// <summary>
/// The custom ML.NET estimator: trains a TorchSharp recurrent network on the featurizer's token ids and the labels,
/// then returns a saveable transformer (the network exported to ONNX, applied by ML.NET's OnnxTransformer, plus the
/// Score/Probability/PredictedLabel mapping). Dispose the fitted transformer to remove OnnxTransformer's temporary file.
/// It logs every epoch to the MLContext it is given (<c>mlContext.Log</c>), whose <see cref="MLContext.TempFilePath"/>
/// the ONNX transformer writes into; the catalog entry has no access to the user's context (see <see cref="SentimentTrainerCatalog"/>).
/// </summary>
public sealed class SentimentNetworkTrainer : IEstimator<ITransformer>
{
    private readonly MLContext _mlContext;
    private readonly SentimentNetworkOptions _options;
    private readonly ITrainingMonitor? _monitor;

    /// <param name="monitor">Told of every batch and epoch, for a live display; <see cref="SentimentNetworkOptions.Progress"/> is told of every epoch.</param>
    public SentimentNetworkTrainer(MLContext mlContext, SentimentNetworkOptions options, ITrainingMonitor? monitor = null)
    {
        options.Validate();
        _mlContext = mlContext;
        _options = options;
        _monitor = monitor;
    }

    /// <summary>
    /// Trains on the featurized <paramref name="input"/>, stopping early on <see cref="FitSettings.ValidationSet"/>,
    /// or, without one, on a seeded <see cref="FitSettings.ValidationFraction"/> of the input held out.
    /// </summary>
    public ITransformer Fit(IDataView input)
    {
        if (_options.Fit.ValidationSet is { } validation)
            return Train(input, validation).Transformer;
        var rowCount = input.GetRowCount() ?? input.GetColumn<bool>(_options.LabelColumnName).LongCount();
        var (training, heldOut) = TrainValidationSplit.Split(_mlContext, input, rowCount, _options.Fit.ValidationFraction, _options.Fit.SplitSeed);
        return Train(training, heldOut).Transformer;
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        OutputStage(PlaceholderGraph, [NetworkGraphNames.TokenIdsInput]).GetOutputSchema(inputSchema);

    /// <summary>An untrained tiny network's graph: the output schema depends on the graph's outputs alone.</summary>
    private static byte[] PlaceholderGraph { get; } = SentimentNetworkExporter.Compose(
        "imdb_sentiment_placeholder", readsTokens: true, readsNgrams: false, [(graph, logit) => SimpleRnnOnnx.Add(graph, SimpleRnnWeights.Zeros(4, 1, 1), logit)]);

    /// <summary>Trains on featurized splits; the result carries the history and the network as well as the transformer.</summary>
    /// <exception cref="TrainingDivergedException">The loss stopped being a finite number (in every trial, with the initialisation guard).</exception>
    public TrainedSentimentModel Train(IDataView featurizedTraining, IDataView featurizedValidation)
    {
        TorchRuntime.EnsureLoaded();
        set_num_threads(_options.Fit.Threads);
        using var training = SequenceTensors.FromDataView(featurizedTraining, _options.LabelColumnName);
        using var validation = SequenceTensors.FromDataView(featurizedValidation, _options.LabelColumnName);
        using var log = ((IChannelProvider)_mlContext).Start(nameof(SentimentNetworkTrainer));
        var reporter = new EpochReporter(_monitor, _options.Progress, log);
        var (network, result) = _options.FusedWith is null
            ? TrainOne(training, validation, featurizedTraining.Schema, reporter)
            : TrainFused(training, validation, featurizedTraining.Schema, reporter);
        var transformer = OutputStage(SentimentNetworkExporter.Export(network), network.OnnxInputs).Fit(featurizedValidation);
        return new TrainedSentimentModel(transformer, network, result);
    }

    private (SentimentNetworkBase, TrainingResult) TrainOne(SequenceTensors training, SequenceTensors validation, DataViewSchema featurized, EpochReporter reporter)
    {
        var embedding = PretrainedEmbedding.Load(_options.Network, featurized, _options.Cancellation);
        if (embedding is not null)
            _monitor?.WordVectorsLoaded(embedding.Coverage);
        var fit = new NetworkFit(_options, reporter, embedding);
        var (network, result) = fit.EarlyStopped(training, validation);
        return fit.Refitted(network, result, training, validation);
    }

    private (SentimentNetworkBase, TrainingResult) TrainFused(SequenceTensors training, SequenceTensors validation, DataViewSchema featurized, EpochReporter reporter)
    {
        return new LateFusion(_mlContext, _options, reporter, _monitor).Train(training, validation, _options.Fit.UnlabelledSet, featurized);
    }

    /// <summary>The untrained network the options describe over inputs of these sizes, initialised from torch's global generator (seed it first).</summary>
    public static SentimentNetworkBase CreateNetwork(SentimentNetworkOptions options, NetworkInputs inputs) => NetworkFamilies.Create(options.Network, inputs);

    /// <summary>
    /// Seeds torch's global generator with <see cref="SentimentNetworkOptions.Seed"/> and builds the network from it.
    /// The generator is process-wide, so both happen under one lock: estimators training at the same time in one
    /// process (parallel tests, a host training several models) cannot interleave their draws and change each
    /// other's initial weights. Training itself draws only from generators of its own. The word vectors, when given,
    /// then overwrite the embedding rows of the words they cover.
    /// </summary>
    internal static SentimentNetworkBase CreateSeededNetwork(SentimentNetworkOptions options, SequenceTensors training, PretrainedEmbedding? embedding = null)
    {
        SentimentNetworkBase network;
        lock (GlobalGeneratorLock)
        {
            manual_seed(options.Seed);
            network = CreateNetwork(options, training.Inputs);
        }

        if (embedding is not null)
            embedding.CopyInto(network.WordEmbedding ?? throw new InvalidOperationException("Word vectors were given for a network without an embedding table."));
        network.InitialiseFromData(training);
        return network;
    }

    private static readonly Lock GlobalGeneratorLock = new();

    private IEstimator<ITransformer> OutputStage(byte[] onnxModel, IReadOnlyList<string> inputs)
    {
        OnnxRuntimeSettings.Apply();
        return _mlContext.Transforms.ApplyOnnxModel(
                [NetworkGraphNames.LogitOutput, NetworkGraphNames.ProbabilityOutput],
                [.. inputs],
                new MemoryStream(onnxModel))
            .Append(_mlContext.Transforms.CustomMapping(new SentimentOutputMapping().GetMapping(), SentimentOutputMapping.ContractName));
    }
}
