using System.Diagnostics;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;

namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>
/// Measures one model zip the same way whatever it holds: load time, PredictionEngine latency per review, and
/// throughput of CsvBatchScorer and of Transform over an IDataView.
/// </summary>
internal sealed class ScoringMeasurement(IReadOnlyList<LabeledReview> latencyReviews, IReadOnlyList<LabeledReview> allReviews, string csvPath, int runs)
{
    // .NET's tiered JIT promotes hot code to optimised code only after it has run for a while (a 100 ms quiet period,
    // then a background compile), so a few hundred calls would time unoptimised code; a server runs optimised code.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public ScoringResult Measure(string zip)
    {
        using var model = Timing.Seconds(() => SentimentModel.Load(zip, mlContext: null, requireProductModel: false), out var loadSeconds);
        var (median, p95, accuracy) = Latency(model);
        Progress.Report($"scoring: CsvBatchScorer over {allReviews.Count:N0} reviews, {runs} runs...");
        var csvSeconds = MedianSeconds(() => CsvBatchScorer.Score(model, csvPath, csvPath + ".scored.csv", new DelimitedFileOptions()));
        Progress.Report($"scoring: Transform over {allReviews.Count:N0} reviews, {runs} runs...");
        var transformSeconds = MedianSeconds(() => ReadProbabilities(model));
        return new ScoringResult(new FileInfo(zip).Length, loadSeconds, median, p95, accuracy,
            allReviews.Count / csvSeconds, allReviews.Count / transformSeconds);
    }

    /// <summary>Median and p95 microseconds per Predict call after a warm-up, and the accuracy on those reviews.</summary>
    private (double Median, double P95, double Accuracy) Latency(SentimentModel model)
    {
        var engine = model.CreatePredictionEngine();
        var input = new ReviewInput();
        var prediction = new SentimentPrediction();
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < WarmUp; i = (i + 1) % allReviews.Count)
        {
            input.Text = allReviews[i].Text;
            engine.Predict(input, ref prediction);
        }

        var microseconds = new double[latencyReviews.Count];
        var correct = 0;
        for (var i = 0; i < latencyReviews.Count; i++)
        {
            input.Text = latencyReviews[i].Text;
            var start = Stopwatch.GetTimestamp();
            engine.Predict(input, ref prediction);
            microseconds[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            correct += prediction.PredictedLabel == latencyReviews[i].Label ? 1 : 0;
        }
        return (Statistics.Median(microseconds), Statistics.Percentile(microseconds, 0.95), (double)correct / latencyReviews.Count);
    }

    private void ReadProbabilities(SentimentModel model)
    {
        var scored = model.Transform(model.MLContext.Data.LoadFromEnumerable(allReviews));
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
