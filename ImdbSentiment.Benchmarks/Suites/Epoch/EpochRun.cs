namespace ImdbSentiment.Benchmarks.Suites.Epoch;

/// <summary>One implementation's training run: each epoch's seconds (training and the validation pass) and the last validation accuracy.</summary>
internal sealed record EpochRun(int Threads, IReadOnlyList<double> EpochSeconds, double ValidationAccuracy);
