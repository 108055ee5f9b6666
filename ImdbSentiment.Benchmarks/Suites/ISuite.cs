using ImdbSentiment.Benchmarks.Cli;

namespace ImdbSentiment.Benchmarks.Suites;

/// <summary>One benchmark: measures our implementation and a baseline in the same run and prints the comparison.</summary>
internal interface ISuite
{
    /// <summary>The name on the command line.</summary>
    string Name { get; }

    void Run(BenchmarkContext context);
}
