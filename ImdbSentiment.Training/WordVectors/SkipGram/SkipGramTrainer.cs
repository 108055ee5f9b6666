using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace ImdbSentiment.Training.WordVectors.SkipGram;

/// <summary>How far a skip-gram run is: corpus tokens processed (of every epoch's, subsampled ones included) and the learning rate now.</summary>
public readonly record struct SkipGramProgress(long TokensProcessed, long TokensTotal, int Epoch, int Epochs, double LearningRate, TimeSpan Elapsed)
{
    public double TokensPerSecond => Elapsed.TotalSeconds > 0 ? TokensProcessed / Elapsed.TotalSeconds : 0;
}

/// <summary>Trained word vectors: one input vector per corpus word, [words, dimensions], the vectors word2vec and fastText write.</summary>
public sealed record SkipGramVectors(IReadOnlyList<string> Words, float[] Vectors, int Dimensions, TimeSpan Elapsed, long TokensProcessed);

/// <summary>
/// Trains skip-gram vectors (<see cref="SkipGramOptions"/>) on a <see cref="SkipGramCorpus"/>. The reviews are cut into
/// one contiguous share per thread; every thread runs all epochs over its share, updating the shared input and output
/// vectors without locks as word2vec's threads do (Hogwild: two threads rarely touch the same row at once, and a lost
/// update costs nothing measurable). The learning rate falls with the tokens all threads have processed.
/// </summary>
public static class SkipGramTrainer
{
    /// <summary>How many tokens a thread processes between two reports of its count (and learning-rate updates).</summary>
    private const int ReportEvery = 10_000;

    /// <param name="progress">Called on the calling thread about four times a second, and once at the end.</param>
    public static SkipGramVectors Train(SkipGramCorpus corpus, SkipGramOptions options, Action<SkipGramProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        if (corpus.Words.Count == 0)
            throw new ArgumentException($"No word occurs the {options.MinCount} times MinCount asks for: the corpus is too small for word vectors.", nameof(corpus));
        var watch = Stopwatch.StartNew();
        var run = new Run(corpus, options, cancellation);
        var threads = Math.Min(options.Threads, Math.Max(1, corpus.ReviewCount));
        var tasks = Enumerable.Range(0, threads)
            .Select(thread => Task.Factory.StartNew(() => run.Work(thread, threads), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            while (!Task.WaitAll(tasks, 250, CancellationToken.None))
                progress?.Invoke(run.Progress(watch.Elapsed));
        }
        catch (AggregateException failed)
        {
            cancellation.ThrowIfCancellationRequested();
            ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
        }

        progress?.Invoke(run.Progress(watch.Elapsed));
        return new SkipGramVectors(corpus.Words, run.Input, options.Dimensions, watch.Elapsed, run.Processed);
    }

    private sealed class Run
    {
        private readonly SkipGramCorpus _corpus;
        private readonly SkipGramOptions _options;
        private readonly CancellationToken _cancellation;
        private readonly NoiseDistribution _noise;
        private readonly float[] _keep;
        private readonly long _total;
        private long _processed;

        public Run(SkipGramCorpus corpus, SkipGramOptions options, CancellationToken cancellation)
        {
            _corpus = corpus;
            _options = options;
            _cancellation = cancellation;
            _noise = new NoiseDistribution(corpus.Counts);
            _keep = KeepProbabilities(corpus, options.SubsamplingThreshold);
            _total = (long)corpus.Tokens.Length * options.Epochs;
            var dimensions = options.Dimensions;
            Input = new float[(long)corpus.Words.Count * dimensions];
            Output = new float[Input.Length];
            // word2vec's start: input vectors uniform in +-0.5 / dimensions, output vectors zero.
            var random = new SplitMixRandom((ulong)options.Seed);
            for (var i = 0; i < Input.Length; i++)
                Input[i] = (random.NextFloat() - 0.5f) / dimensions;
        }

        public float[] Input { get; }

        private float[] Output { get; }

        public long Processed => Interlocked.Read(ref _processed);

        public SkipGramProgress Progress(TimeSpan elapsed)
        {
            var processed = Processed;
            var epoch = (int)Math.Min(_options.Epochs, 1 + processed * _options.Epochs / Math.Max(1, _total));
            return new SkipGramProgress(processed, _total, epoch, _options.Epochs, LearningRate(processed), elapsed);
        }

        private double LearningRate(long processed) => _options.LearningRate * Math.Max(1e-4, 1 - processed / (double)(_total + 1));

        public void Work(int thread, int threads)
        {
            var (first, last) = (_corpus.ReviewCount * thread / threads, _corpus.ReviewCount * (thread + 1) / threads);
            var random = new SplitMixRandom((ulong)_options.Seed * 0x9E3779B97F4A7C15UL + (ulong)thread + 1);
            var dimensions = _options.Dimensions;
            var kept = new List<int>();
            var targets = new int[_options.NegativeSamples + 1];
            var inputStep = new float[dimensions];
            var unreported = 0;
            var learningRate = (float)_options.LearningRate;
            for (var epoch = 0; epoch < _options.Epochs; epoch++)
            {
                for (var review = first; review < last; review++)
                {
                    _cancellation.ThrowIfCancellationRequested();
                    var (start, end) = (_corpus.ReviewStarts[review], _corpus.ReviewStarts[review + 1]);
                    kept.Clear();
                    for (var position = start; position < end; position++)
                    {
                        var word = _corpus.Tokens[position];
                        if (_keep[word] >= 1 || random.NextFloat() < _keep[word])
                            kept.Add(word);
                    }

                    for (var center = 0; center < kept.Count; center++)
                    {
                        var reach = 1 + random.Next(_options.Window);
                        var input = Input.AsSpan(kept[center] * dimensions, dimensions);
                        for (var context = Math.Max(0, center - reach); context <= Math.Min(kept.Count - 1, center + reach); context++)
                        {
                            if (context == center)
                                continue;
                            var count = DrawTargets(kept[context], targets, ref random);
                            SkipGramStep.Apply(input, Output, targets.AsSpan(0, count), learningRate, inputStep);
                        }
                    }

                    unreported += end - start;
                    if (unreported >= ReportEvery)
                    {
                        learningRate = (float)LearningRate(Interlocked.Add(ref _processed, unreported));
                        unreported = 0;
                    }
                }
            }

            Interlocked.Add(ref _processed, unreported);
        }

        /// <summary>The context word, then the negatives drawn; a draw of the context word itself is dropped, as word2vec drops it.</summary>
        private int DrawTargets(int context, int[] targets, ref SplitMixRandom random)
        {
            targets[0] = context;
            var count = 1;
            for (var i = 0; i < _options.NegativeSamples; i++)
            {
                var negative = _noise.Sample(ref random);
                if (negative != context)
                    targets[count++] = negative;
            }

            return count;
        }

        /// <summary>word2vec's subsampling: a word of count c among n tokens is kept with probability (sqrt(c / (t n)) + 1) t n / c.</summary>
        private static float[] KeepProbabilities(SkipGramCorpus corpus, double threshold)
        {
            var scaled = threshold * corpus.Tokens.Length;
            return [.. corpus.Counts.Select(count => threshold == 0 ? 1f : (float)((Math.Sqrt(count / scaled) + 1) * scaled / count))];
        }
    }
}
