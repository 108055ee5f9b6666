namespace ImdbSentiment.Benchmarks.Suites.Http;

/// <summary>What one load run measured: requests answered per second, latency percentiles, and how many requests failed (a non-200 status or no response).</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Responses, long Failures);
