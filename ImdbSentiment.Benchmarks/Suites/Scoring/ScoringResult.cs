namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>One model's scoring figures.</summary>
internal sealed record ScoringResult(
    long ZipBytes, double LoadSeconds, double MedianMicroseconds, double P95Microseconds, double Accuracy,
    double CsvReviewsPerSecond, double TransformReviewsPerSecond);
