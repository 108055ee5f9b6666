using System.Collections.Concurrent;
using ImdbSentiment.Model.ModelFormat;
using Microsoft.ML.OnnxRuntime;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// The one way every command and predictor scores reviews: the featurizer built from the zip's model spec
/// (<see cref="SpecFeaturizer"/>) and one onnxruntime session over the spec's network. Many reviews go through the
/// session in batches of <see cref="BatchSize"/>, the batches spread over the cores; one review goes through a
/// borrowed, pre-bound single-row input. Probabilities agree with ML.NET's PredictionEngine on the same zip within
/// 1e-5 (onnxruntime rounds a batch slightly differently from a single row; not bit for bit). Thread-safe.
/// </summary>
internal sealed class SentimentScorer : IDisposable
{
    public const int BatchSize = 256;

    /// <summary>Scored at load: a network whose training diverged gives NaN here and is refused.</summary>
    private const string ProbeReview = "a probe review: the film was good, not bad";

    private readonly InferenceSession _session;
    private readonly string[] _inputs;
    private readonly string[] _outputs = [NetworkGraphNames.ProbabilityOutput, NetworkGraphNames.LogitOutput];
    private readonly ConcurrentBag<SingleRow> _idleRows = [];
    private readonly int _maximumIdleRows;

    private SentimentScorer(ModelFile file, int maximumIdleRows, IReadOnlyCollection<string>? onlyWordsOf = null)
    {
        Path = file.Path;
        // The probe review is scored too, so its words are needed as well.
        var onlyWords = onlyWordsOf is null ? null : new WordSet(onlyWordsOf.Append(ProbeReview));
        // The n-gram vocabulary takes as long to key as onnxruntime takes to load and read the network, so both at once.
        var featurizer = Task.Run(() => new SpecFeaturizer(file, onlyWords));
        _maximumIdleRows = maximumIdleRows > 0 ? maximumIdleRows : Environment.ProcessorCount * 2;
        OnnxRuntimeSettings.Apply();
        // Callers spread reviews over the cores themselves, so each Run stays on its caller's thread.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        try
        {
            _session = new InferenceSession(file.Network, options);
        }
        catch (OnnxRuntimeException exception)
        {
            throw ModelFile.Unreadable(file.Path, exception);
        }
        try
        {
            Featurizer = featurizer.GetAwaiter().GetResult();
        }
        catch (InvalidDataException exception)
        {
            _session.Dispose();
            throw new UnreadableModelException($"{file.Path}: {exception.Message}.", file.Path, exception);
        }
        _inputs = [.. file.Spec.Inputs];
        PadsTokensToLongest = Featurizer.TokenIds is not null
            && _session.ModelMetadata.CustomMetadataMap.TryGetValue(NetworkGraphNames.IgnoresTokenPaddingMetadata, out var ignoresPadding) && ignoresPadding == "true";
        try
        {
            CheckNetwork(file);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Path { get; }

    public SpecFeaturizer Featurizer { get; }

    /// <summary>
    /// Whether token-id rows go to the network padded to the longest row of their batch (one review: its own length)
    /// instead of to MaxLength, which the network's graph allows when it says that padding changes no logit.
    /// </summary>
    public bool PadsTokensToLongest { get; }

    /// <summary>Reads the zip's model spec and network (see <see cref="ModelFile.Read"/> for what it refuses).</summary>
    /// <param name="maximumIdleRows">How many single-row inputs to keep for reuse; 0 keeps twice the core count.</param>
    public static SentimentScorer Open(string path, int maximumIdleRows = 0) => new(ModelFile.Read(path), maximumIdleRows);

    /// <summary>
    /// Opens the model for <paramref name="texts"/> alone: a model with an n-gram bag keys only the n-grams made of their
    /// words, a fraction of the time it takes to key them all (one <c>predict</c>), and then scores only texts made of
    /// those words (any other is refused with an <see cref="InvalidOperationException"/>, never given a wrong probability).
    /// </summary>
    public static SentimentScorer OpenFor(string path, IReadOnlyCollection<string> texts) => new(ModelFile.Read(path), 1, texts);

    /// <summary>Serves a model loaded through ML.NET from the product entries it was checked with.</summary>
    public static SentimentScorer Over(SentimentModel model, int maximumIdleRows = 0) => new(model.File, maximumIdleRows);

    private void CheckNetwork(ModelFile file)
    {
        if (!_session.InputMetadata.Keys.Order(StringComparer.Ordinal).SequenceEqual(_inputs.Order(StringComparer.Ordinal))
            || !_outputs.All(_session.OutputMetadata.ContainsKey))
        {
            throw new UnreadableModelException(
                $"{file.Path}: its network reads {string.Join(", ", _session.InputMetadata.Keys)} and gives {string.Join(", ", _session.OutputMetadata.Keys)}, not the {string.Join(" and ", _inputs)} and {string.Join(" and ", _outputs)} its model spec names.", file.Path);
        }
        var probe = Predict(ProbeReview);
        if (!float.IsFinite(probe.Probability) || !float.IsFinite(probe.Score))
        {
            throw new UnreadableModelException(
                $"{file.Path}: its network gives a probability of {probe.Probability} for a probe review, so its training diverged and it cannot serve; train it again", file.Path);
        }
    }

    /// <summary>One review's prediction, with the label rule of the PredictionEngine (SentimentOutputMapping).</summary>
    /// <exception cref="ArgumentNullException">The text is null.</exception>
    /// <exception cref="ArgumentException">The text has no words (see <see cref="ReviewText"/>).</exception>
    public SentimentPrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ReviewText.HasWords(text))
            throw new ArgumentException($"the review {ReviewText.NoWords}", nameof(text));
        var row = _idleRows.TryTake(out var idle) ? idle : new SingleRow(this);
        try
        {
            var (probability, logit) = row.Run(text);
            return new SentimentPrediction { Probability = probability, Score = logit, PredictedLabel = SentimentOutputMapping.IsPositive(probability) };
        }
        finally
        {
            if (_idleRows.Count < _maximumIdleRows)
                _idleRows.Add(row);
            else
                row.Dispose();
        }
    }

    /// <summary>
    /// The probability of each text, in order, in batches spread over the cores; a null text (one the caller found no
    /// words in, see <see cref="ReviewText"/>) gets null.
    /// </summary>
    public float?[] Probabilities(IReadOnlyList<string?> texts, CancellationToken cancellation = default)
    {
        // Texts of like length share a batch: a batch's n-gram rows are padded to its longest, and onnxruntime looks up
        // every padding id too, so batching reviews as they come made it read about five times the ids there are. The
        // longest go first, so that no core is left with a long batch at the end.
        var scored = Enumerable.Range(0, texts.Count).Where(i => texts[i] is not null).OrderByDescending(i => texts[i]!.Length).ToList();
        var probabilities = new float?[texts.Count];
        var batches = (scored.Count + BatchSize - 1) / BatchSize;
        Parallel.For(0, batches, new ParallelOptions { CancellationToken = cancellation }, () => new BatchInputs(Featurizer, PadsTokensToLongest), (batch, _, inputs) =>
        {
            var rows = scored.GetRange(batch * BatchSize, Math.Min(BatchSize, scored.Count - batch * BatchSize));
            var batchProbabilities = RunBatch(rows.ConvertAll(i => texts[i]!), inputs);
            for (var r = 0; r < rows.Count; r++)
                probabilities[rows[r]] = batchProbabilities[r];
            return inputs;
        }, _ => { });
        return probabilities;
    }

    private float[] RunBatch(List<string> texts, BatchInputs buffers)
    {
        var inputs = buffers.Make(texts);
        try
        {
            using var outputs = _session.Run(RunOptionsDefault, _inputs, inputs, _outputs);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var input in inputs)
                input.Dispose();
        }
    }

    private static readonly RunOptions RunOptionsDefault = new();

    public void Dispose()
    {
        while (_idleRows.TryTake(out var row))
            row.Dispose();
        _session.Dispose();
    }

    /// <summary>
    /// One review's inputs and outputs bound to the session once (a token-id row of MaxLength is rewritten in place; a
    /// row whose length varies, n-gram ids or token ids padded to their own length, is bound anew each call), so a call
    /// passes no names. Used by one thread at a time.
    /// </summary>
    private sealed class SingleRow : IDisposable
    {
        private readonly SentimentScorer _scorer;
        private readonly SpecFeaturizer.Words _words = new();
        private readonly long[] _tokenIds;
        private readonly List<long> _ngramIds = [];
        private readonly float[] _probability = new float[1];
        private readonly float[] _logit = new float[1];
        private readonly OrtValue _probabilityValue;
        private readonly OrtValue _logitValue;
        private readonly OrtIoBinding _binding;
        private OrtValue? _tokenIdsValue;
        private OrtValue? _ngramIdsValue;

        public SingleRow(SentimentScorer scorer)
        {
            _scorer = scorer;
            _binding = scorer._session.CreateIoBinding();
            _tokenIds = new long[scorer.Featurizer.TokenIds?.MaxLength ?? 0];
            if (scorer.Featurizer.TokenIds is not null && !scorer.PadsTokensToLongest)
                Bind(NetworkGraphNames.TokenIdsInput, ref _tokenIdsValue, _tokenIds);
            _probabilityValue = OrtValue.CreateTensorValueFromMemory(_probability, [1, 1]);
            _binding.BindOutput(NetworkGraphNames.ProbabilityOutput, _probabilityValue);
            _logitValue = OrtValue.CreateTensorValueFromMemory(_logit, [1, 1]);
            _binding.BindOutput(NetworkGraphNames.LogitOutput, _logitValue);
        }

        public (float Probability, float Logit) Run(string text)
        {
            var featurizer = _scorer.Featurizer;
            SpecFeaturizer.Tokenize(text, _words);
            if (featurizer.TokenIds is not null)
            {
                var row = _scorer.PadsTokensToLongest ? _tokenIds.AsMemory(0, featurizer.RealTokenIdCount(_words)) : _tokenIds;
                featurizer.WriteTokenIds(_words, row.Span);
                if (_scorer.PadsTokensToLongest)
                    Bind(NetworkGraphNames.TokenIdsInput, ref _tokenIdsValue, row);
            }
            if (featurizer.NgramIds is not null)
            {
                _ngramIds.Clear();
                featurizer.AddNgramIds(_words, _ngramIds);
                Bind(NetworkGraphNames.NgramIdsInput, ref _ngramIdsValue, _ngramIds.ToArray());
            }
            _scorer._session.RunWithBinding(RunOptionsDefault, _binding);
            return (_probability[0], _logit[0]);
        }

        private void Bind(string input, ref OrtValue? value, Memory<long> row)
        {
            var previous = value;
            value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, row, [1, row.Length]);
            _binding.BindInput(input, value);
            previous?.Dispose();
        }

        public void Dispose()
        {
            _binding.Dispose();
            _tokenIdsValue?.Dispose();
            _ngramIdsValue?.Dispose();
            _probabilityValue.Dispose();
            _logitValue.Dispose();
        }
    }
}
