namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>One model's scoring figures through one path; a throughput the path has no way to give is null.</summary>
internal sealed record ScoringResult(
    long ZipBytes, double LoadSeconds, double MedianMicroseconds, double P95Microseconds, double Accuracy,
    double? CsvReviewsPerSecond, double? TransformReviewsPerSecond);
