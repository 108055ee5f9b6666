using ImdbSentiment.Model.Export;
using Microsoft.ML.OnnxRuntime;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// A loaded model's featurizer and network run without ML.NET's row pipeline: <see cref="DirectFeaturizer"/> and one
/// onnxruntime session over the zip's own network graph. It scores one review per call, as the PredictionEngine
/// does, because onnxruntime's kernels round differently for a batch of one than for larger batches; one call per
/// review keeps every probability bit for bit the engine's. A simple RNN's graph is scored by
/// <see cref="SimpleRnnEvaluator"/> instead, which does onnxruntime's operations in its order, once it has given the
/// session's bits on probe inputs (<see cref="SimpleRnnSelfCheck"/>). Thread-safe; each thread scores through its
/// own <see cref="CreateScorer"/>.
/// </summary>
internal sealed class DirectNetwork : IDisposable
{
    private readonly InferenceSession _session;
    private readonly NetworkGraph _graph;
    private readonly SimpleRnnEvaluator? _evaluator;

    private static readonly Func<SimpleRnnGraph, SimpleRnnEvaluator> ManagedEvaluator = graph => new SimpleRnnEvaluator(graph);

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
            network = new DirectNetwork(featurizer, graph, ManagedEvaluator);
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
        : this(model, ManagedEvaluator)
    {
    }

    /// <param name="createEvaluator">Makes the managed evaluator of a simple RNN's graph; tests pass one that errs, to see it refused.</param>
    internal DirectNetwork(SentimentModel model, Func<SimpleRnnGraph, SimpleRnnEvaluator> createEvaluator)
        : this(FeaturizerState.Read(model), NetworkGraph.Read(model.Path), createEvaluator)
    {
    }

    private DirectNetwork(FeaturizerState featurizer, NetworkGraph graph, Func<SimpleRnnGraph, SimpleRnnEvaluator> createEvaluator)
    {
        // Reading the graph and building the evaluator overlap the featurizer's dictionaries and the session; the
        // check needs both.
        var candidate = graph.ReadsTokenIds && !graph.ReadsNgramIds
            ? Task.Run(() => SimpleRnnSelfCheck.TryPrepare(graph.Bytes, featurizer, createEvaluator))
            : null;
        Featurizer = new DirectFeaturizer(featurizer);
        _graph = graph;
        // Callers run one scorer per core, so each call stays on its own thread.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(_graph.Bytes, options);
        if (candidate?.Result is { } evaluator && SimpleRnnSelfCheck.GivesTheSessionsBits(evaluator, _session, featurizer.MaxLength))
            _evaluator = evaluator;
    }

    internal DirectFeaturizer Featurizer { get; }

    /// <summary>Whether reviews are scored by <see cref="SimpleRnnEvaluator"/> rather than by the onnxruntime session.</summary>
    internal bool ScoresManaged => _evaluator is not null;

    /// <summary>A scorer for one thread: it reuses its input and output buffers from call to call.</summary>
    public Scorer CreateScorer() => new(this);

    public void Dispose() => _session.Dispose();

    /// <summary>
    /// Scores one review at a time on one thread, on the managed evaluator or on the session. Inputs and the outputs
    /// (probability and logit) are bound to the session once (a token-id row is rewritten in place; an n-gram row,
    /// whose length varies, is bound anew), so a call passes no names.
    /// </summary>
    internal sealed class Scorer : IReviewScorer
    {
        private readonly DirectNetwork _network;
        private readonly long[] _tokenIds;
        private readonly List<long> _ids = [];
        private readonly float[] _probability = new float[1];
        private readonly float[] _logit = new float[1];
        private readonly SessionBinding? _session;

        public Scorer(DirectNetwork network)
        {
            _network = network;
            _tokenIds = new long[network._graph.ReadsTokenIds ? network.Featurizer.MaxLength : 0];
            if (network._evaluator is null)
                _session = new SessionBinding(network, _tokenIds, _probability, _logit);
        }

        /// <summary>The review's prediction as the PredictionEngine gives it (SentimentOutputMapping's label rule).</summary>
        public SentimentPrediction Predict(string text)
        {
            var probability = Probability(text);
            return new SentimentPrediction { Probability = probability, Score = _logit[0], PredictedLabel = SentimentOutputMapping.IsPositive(probability) };
        }

        public float Probability(string text)
        {
            if (_network._graph.ReadsTokenIds)
                _network.Featurizer.WriteTokenIds(text, _tokenIds, _ids);
            if (_network._evaluator is { } evaluator)
            {
                _logit[0] = evaluator.Logit(_tokenIds);
                _probability[0] = SimpleRnnEvaluator.Probability(_logit[0]);
            }
            else
            {
                _session!.Run(text);
            }
            return _probability[0];
        }

        public void Dispose() => _session?.Dispose();
    }

    /// <summary>A scorer's inputs and outputs bound to the session.</summary>
    private sealed class SessionBinding : IDisposable
    {
        private readonly DirectNetwork _network;
        private readonly OrtValue? _tokenIdsValue;
        private readonly OrtValue _probabilityValue;
        private readonly OrtValue _logitValue;
        private readonly OrtIoBinding _binding;
        private readonly RunOptions _runOptions = new();
        private OrtValue? _ngramIdsValue;

        public SessionBinding(DirectNetwork network, long[] tokenIds, float[] probability, float[] logit)
        {
            _network = network;
            _binding = network._session.CreateIoBinding();
            if (network._graph.ReadsTokenIds)
            {
                _tokenIdsValue = OrtValue.CreateTensorValueFromMemory(tokenIds, [1, tokenIds.Length]);
                _binding.BindInput(NetworkGraphNames.TokenIdsInput, _tokenIdsValue);
            }
            _probabilityValue = OrtValue.CreateTensorValueFromMemory(probability, [1, 1]);
            _binding.BindOutput(NetworkGraphNames.ProbabilityOutput, _probabilityValue);
            _logitValue = OrtValue.CreateTensorValueFromMemory(logit, [1, 1]);
            _binding.BindOutput(NetworkGraphNames.LogitOutput, _logitValue);
        }

        /// <summary>Runs the session on the token ids already written and, for an n-gram network, on the text's n-gram ids.</summary>
        public void Run(string text)
        {
            if (_network._graph.ReadsNgramIds)
            {
                var ngramIds = _network.Featurizer.NgramIds(text);
                var previous = _ngramIdsValue;
                _ngramIdsValue = OrtValue.CreateTensorValueFromMemory(ngramIds, [1, ngramIds.Length]);
                _binding.BindInput(NetworkGraphNames.NgramIdsInput, _ngramIdsValue);
                previous?.Dispose();
            }
            _network._session.RunWithBinding(_runOptions, _binding);
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
