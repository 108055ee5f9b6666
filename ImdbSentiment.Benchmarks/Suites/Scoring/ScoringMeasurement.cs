using System.Diagnostics;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>
/// Measures a model zip through one of two paths: the product's (<see cref="PooledSentimentPredictor"/>: load, Predict
/// latency per review; CsvBatchScorer throughput through its scorer), or ML.NET (Model.Load, PredictionEngine latency, Transform
/// throughput over an IDataView), which serves any zip, the baselines included.
/// </summary>
internal sealed class ScoringMeasurement(IReadOnlyList<LabeledReview> latencyReviews, IReadOnlyList<LabeledReview> allReviews, string csvPath, int runs)
{
    // .NET's tiered JIT promotes hot code to optimised code only after it has run for a while (a 100 ms quiet period,
    // then a background compile), so a few hundred calls would time unoptimised code; a server runs optimised code.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public ScoringResult MeasurePredictor(string zip)
    {
        using var predictor = Timing.Seconds(() => PooledSentimentPredictor.Open(zip), out var loadSeconds);
        var (median, p95, accuracy) = Latency(text => predictor.Predict(text).PredictedLabel);
        Progress.Report($"scoring: CsvBatchScorer over {allReviews.Count:N0} reviews, {runs} runs...");
        var csvSeconds = MedianSeconds(() => CsvBatchScorer.Score(predictor.Scorer, csvPath, csvPath + ".scored.csv", new DelimitedFileOptions()));
        return new ScoringResult(new FileInfo(zip).Length, loadSeconds, median, p95, accuracy, allReviews.Count / csvSeconds, null);
    }

    public ScoringResult MeasureEngine(string zip)
    {
        var mlContext = new MLContext();
        mlContext.ComponentCatalog.RegisterAssembly(typeof(SentimentModel).Assembly);
        var model = Timing.Seconds(() => mlContext.Model.Load(zip, out _), out var loadSeconds);
        try
        {
            var engine = mlContext.Model.CreatePredictionEngine<ReviewInput, SentimentPrediction>(model);
            var input = new ReviewInput();
            var prediction = new SentimentPrediction();
            var (median, p95, accuracy) = Latency(text =>
            {
                input.Text = text;
                engine.Predict(input, ref prediction);
                return prediction.PredictedLabel;
            });
            Progress.Report($"scoring: Transform over {allReviews.Count:N0} reviews, {runs} runs...");
            var transformSeconds = MedianSeconds(() => ReadProbabilities(mlContext, model));
            return new ScoringResult(new FileInfo(zip).Length, loadSeconds, median, p95, accuracy, null, allReviews.Count / transformSeconds);
        }
        finally
        {
            (model as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Median and p95 microseconds per call after a warm-up, each call timed on its own in Stopwatch ticks (nanoseconds
    /// on Linux), and the accuracy on those reviews.
    /// </summary>
    private (double Median, double P95, double Accuracy) Latency(Func<string, bool> predictLabel)
    {
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < WarmUp; i = (i + 1) % allReviews.Count)
            predictLabel(allReviews[i].Text);

        var microseconds = new double[latencyReviews.Count];
        var correct = 0;
        for (var i = 0; i < latencyReviews.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var label = predictLabel(latencyReviews[i].Text);
            microseconds[i] = (Stopwatch.GetTimestamp() - start) * 1e6 / Stopwatch.Frequency;
            correct += label == latencyReviews[i].Label ? 1 : 0;
        }
        return (Statistics.Median(microseconds), Statistics.Percentile(microseconds, 0.95), (double)correct / latencyReviews.Count);
    }

    private void ReadProbabilities(MLContext mlContext, ITransformer model)
    {
        var scored = model.Transform(mlContext.Data.LoadFromEnumerable(allReviews));
        var column = scored.Schema[ColumnNames.Probability];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<float>(column);
        var probability = 0f;
        while (cursor.MoveNext())
            getter(ref probability);
    }

    // The latency measurement has already warmed the model up, so every run counts.
    private double MedianSeconds(Action action) =>
        Statistics.Median(Timing.Repeat(runs, () => Timing.Seconds(action)));
}
