using ImdbSentiment.Model.Export;
using Microsoft.ML.OnnxRuntime;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// A loaded model's featurizer and network run without ML.NET's row pipeline: <see cref="DirectFeaturizer"/> and one
/// onnxruntime session over the zip's own network graph. It scores one review per call, as the PredictionEngine
/// does, because onnxruntime's kernels round differently for a batch of one than for larger batches; one call per
/// review keeps every probability bit for bit the engine's. Thread-safe; each thread scores through its own
/// <see cref="CreateScorer"/>.
/// </summary>
internal sealed class DirectNetwork : IDisposable
{
    private readonly InferenceSession _session;
    private readonly NetworkGraph _graph;

    /// <summary>The model's direct path, or null when its chain is not the product featurizer and network (the benchmark's ML.NET baseline).</summary>
    public static DirectNetwork? TryCreate(SentimentModel model)
    {
        try
        {
            return new DirectNetwork(model);
        }
        catch (UnreadableModelException)
        {
            return null;
        }
    }

    /// <summary>
    /// The direct path of a product zip read without ML.NET (<see cref="SavedChainReader"/>), or null when its chain
    /// is not the product's or its network does not load; the caller then loads the zip through ML.NET.
    /// </summary>
    public static DirectNetwork? TryOpen(string modelPath)
    {
        // Loading onnxruntime's native library is a third of a short command's start, so it overlaps reading the zip;
        // every way out waits for it, since a process that exits while the library initialises can crash.
        var runtime = Task.Run(OrtEnv.Instance);
        try
        {
            return SavedChainReader.TryRead(modelPath) is var (featurizer, graph) ? TryOpen(featurizer, graph) : null;
        }
        finally
        {
            Task.WaitAny(runtime);
        }
    }

    private static DirectNetwork? TryOpen(FeaturizerState featurizer, NetworkGraph graph)
    {
        DirectNetwork network;
        try
        {
            network = new DirectNetwork(featurizer, graph);
        }
        catch (OnnxRuntimeException)
        {
            return null;
        }
        if (network.ReadsAndGivesWhatTheChainSays())
            return network;
        network.Dispose();
        return null;
    }

    private bool ReadsAndGivesWhatTheChainSays() =>
        _session.InputMetadata.Keys.Order(StringComparer.Ordinal).SequenceEqual(_graph.Inputs.Order(StringComparer.Ordinal))
        && _session.OutputMetadata.ContainsKey(NetworkGraphNames.ProbabilityOutput)
        && _session.OutputMetadata.ContainsKey(NetworkGraphNames.LogitOutput);

    public DirectNetwork(SentimentModel model)
        : this(FeaturizerState.Read(model), NetworkGraph.Read(model.Path))
    {
    }

    private DirectNetwork(FeaturizerState featurizer, NetworkGraph graph)
    {
        Featurizer = new DirectFeaturizer(featurizer);
        _graph = graph;
        // Callers run one scorer per core, so each call stays on its own thread.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(_graph.Bytes, options);
    }

    internal DirectFeaturizer Featurizer { get; }

    /// <summary>A scorer for one thread: it reuses its input and output buffers from call to call.</summary>
    public Scorer CreateScorer() => new(this);

    public void Dispose() => _session.Dispose();

    /// <summary>
    /// Scores one review at a time on one thread. Inputs and the outputs (probability and logit) are bound to the session
    /// once (a token-id row is rewritten in place; an n-gram row, whose length varies, is bound anew), so a call passes
    /// no names.
    /// </summary>
    internal sealed class Scorer : IReviewScorer
    {
        private readonly DirectNetwork _network;
        private readonly long[] _tokenIds;
        private readonly OrtValue? _tokenIdsValue;
        private readonly float[] _probability = new float[1];
        private readonly OrtValue _probabilityValue;
        private readonly float[] _logit = new float[1];
        private readonly OrtValue _logitValue;
        private readonly OrtIoBinding _binding;
        private readonly List<long> _ids = [];
        private readonly RunOptions _runOptions = new();
        private OrtValue? _ngramIdsValue;

        public Scorer(DirectNetwork network)
        {
            _network = network;
            _binding = network._session.CreateIoBinding();
            _tokenIds = new long[network._graph.ReadsTokenIds ? network.Featurizer.MaxLength : 0];
            if (network._graph.ReadsTokenIds)
            {
                _tokenIdsValue = OrtValue.CreateTensorValueFromMemory(_tokenIds, [1, _tokenIds.Length]);
                _binding.BindInput(NetworkGraphNames.TokenIdsInput, _tokenIdsValue);
            }
            _probabilityValue = OrtValue.CreateTensorValueFromMemory(_probability, [1, 1]);
            _binding.BindOutput(NetworkGraphNames.ProbabilityOutput, _probabilityValue);
            _logitValue = OrtValue.CreateTensorValueFromMemory(_logit, [1, 1]);
            _binding.BindOutput(NetworkGraphNames.LogitOutput, _logitValue);
        }

        /// <summary>The review's prediction as the PredictionEngine gives it (SentimentOutputMapping's label rule).</summary>
        public SentimentPrediction Predict(string text)
        {
            var probability = Probability(text);
            return new SentimentPrediction { Probability = probability, Score = _logit[0], PredictedLabel = SentimentOutputMapping.IsPositive(probability) };
        }

        public float Probability(string text)
        {
            if (_tokenIdsValue is not null)
                _network.Featurizer.WriteTokenIds(text, _tokenIds, _ids);
            if (_network._graph.ReadsNgramIds)
            {
                var ngramIds = _network.Featurizer.NgramIds(text);
                var previous = _ngramIdsValue;
                _ngramIdsValue = OrtValue.CreateTensorValueFromMemory(ngramIds, [1, ngramIds.Length]);
                _binding.BindInput(NetworkGraphNames.NgramIdsInput, _ngramIdsValue);
                previous?.Dispose();
            }
            _network._session.RunWithBinding(_runOptions, _binding);
            return _probability[0];
        }

        public void Dispose()
        {
            _binding.Dispose();
            _tokenIdsValue?.Dispose();
            _ngramIdsValue?.Dispose();
            _probabilityValue.Dispose();
            _logitValue.Dispose();
            _runOptions.Dispose();
        }
    }
}
