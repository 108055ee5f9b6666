using System.Diagnostics;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>
/// Where a PredictionEngine call of a token-id model goes: engines over longer and longer prefixes of the zip's own
/// chain (ML.NET computes only the columns the output class reads), beside the product scorer's featurizer and its
/// onnxruntime call, each the median microseconds per review over the same reviews after a warm-up.
/// </summary>
internal static class EngineStageLatency
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static void Write(string zip, IReadOnlyList<LabeledReview> reviews, TextWriter output)
    {
        using var model = SentimentModel.Load(zip);
        if (model.File.Spec.TokenIds is null || model.Transformer is not IEnumerable<ITransformer> parts || parts.ToArray() is not [var featurizer, TransformerChain<ITransformer> network]
            || featurizer.GetOutputSchema(model.MLContext.Data.LoadFromEnumerable(Array.Empty<ReviewInput>()).Schema).GetColumnOrNull(ColumnNames.TokenIds) is null)
        {
            output.WriteLine("Engine stages: skipped, the model's featurizer makes no token ids.");
            output.WriteLine();
            return;
        }

        var mlContext = model.MLContext;
        var tokenize = ((IEnumerable<ITransformer>)featurizer).First();
        var onnx = network.First();
        using var scorer = SentimentScorer.Over(model);
        var row = new long[scorer.Featurizer.TokenIds?.MaxLength ?? 0];
        var words = new SpecFeaturizer.Words();
        var stages = new (string Stage, Action<string> Call)[]
        {
            ("engine: the tokenizer step only", Engine<TokensRow>(mlContext, tokenize)),
            ("engine: the whole featurizer (to TokenIds)", Engine<TokenIdsRow>(mlContext, featurizer)),
            ("engine: featurizer + OnnxTransformer (to NetworkProbability)", Engine<NetworkRow>(mlContext, new TransformerChain<ITransformer>(featurizer, onnx))),
            ("engine: the whole chain (to SentimentPrediction)", Engine<SentimentPrediction>(mlContext, model.Transformer)),
            ("scorer: the spec's featurizer (tokenize + look up + pad)", text =>
            {
                SpecFeaturizer.Tokenize(text, words);
                scorer.Featurizer.WriteTokenIds(words, row);
            }),
            ("scorer: featurizer + one onnxruntime call (bound input and output)", text => scorer.Predict(text)),
        };

        var table = new MarkdownTable("stage", "median us", "p95 us");
        foreach (var (stage, call) in stages)
        {
            Progress.Report($"scoring: {stage}...");
            var (median, p95) = Latency(call, reviews);
            table.Add(stage, Units.Microseconds(median), Units.Microseconds(p95));
        }
        table.WriteTo(output);
        output.WriteLine($"Engine stages: each row one review per call over the {reviews.Count:N0} latency reviews after a {WarmUp.TotalSeconds:0} s warm-up; " +
                         "a stage's cost is its row minus the row before it.");
        output.WriteLine();
    }

    private static Action<string> Engine<TOutput>(MLContext mlContext, ITransformer chain) where TOutput : class, new()
    {
        var engine = mlContext.Model.CreatePredictionEngine<ReviewInput, TOutput>(chain);
        var input = new ReviewInput();
        var output = new TOutput();
        return text =>
        {
            input.Text = text;
            engine.Predict(input, ref output);
        };
    }

    private static (double Median, double P95) Latency(Action<string> call, IReadOnlyList<LabeledReview> reviews)
    {
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < WarmUp; i = (i + 1) % reviews.Count)
            call(reviews[i].Text);
        var microseconds = new double[reviews.Count];
        for (var i = 0; i < reviews.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call(reviews[i].Text);
            microseconds[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        return (Statistics.Median(microseconds), Statistics.Percentile(microseconds, 0.95));
    }

    private sealed class TokensRow
    {
        [ColumnName(ColumnNames.Tokens), VectorType]
        public string[] Tokens { get; set; } = [];
    }

    private sealed class TokenIdsRow
    {
        [ColumnName(ColumnNames.TokenIds), VectorType]
        public long[] TokenIds { get; set; } = [];
    }

    private sealed class NetworkRow
    {
        [ColumnName(NetworkGraphNames.ProbabilityOutput), VectorType]
        public float[] Probability { get; set; } = [];
    }
}
