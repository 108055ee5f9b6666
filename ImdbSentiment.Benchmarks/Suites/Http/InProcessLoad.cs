using System.Diagnostics;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Model.Serving;

namespace ImdbSentiment.Benchmarks.Suites.Http;

/// <summary>
/// BASELINE: the same requests' work without HTTP: threads that each predict the request's reviews through one
/// PooledSentimentPredictor for a fixed time. What is left between it and the server is HTTP, JSON and the load generator.
/// </summary>
internal static class InProcessLoad
{
    public static LoadResult Run(PooledSentimentPredictor predictor, IReadOnlyList<string> requestReviews, int threads, TimeSpan duration)
    {
        var latencies = new List<double>[threads];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            var own = latencies[thread] = [];
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                foreach (var text in requestReviews)
                    predictor.Predict(text);
                own.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
        var seconds = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(list => list).ToArray();
        return new LoadResult(all.Length / seconds, Statistics.Percentile(all, 0.5), Statistics.Percentile(all, 0.99), all.Length, 0);
    }
}
