namespace ImdbSentiment.Benchmarks.Cli;

/// <summary>The command line: <c>&lt;suite&gt; [argument] [--data PATH] [--model PATH] [--word-vectors FILE] [--runs N]</c>.</summary>
internal sealed record BenchmarkArguments(string Suite, string? SuiteArgument, string? DataPath, string? ModelPath, int Runs, string? WordVectorsPath = null)
{
    public const int DefaultRuns = 3;

    public static string Usage(IEnumerable<string> suites) =>
        $"""
         Usage: dotnet run --project ImdbSentiment.Benchmarks -c Release -- <suite> [--data PATH] [--model PATH] [--word-vectors FILE] [--runs N]

           suite     one of: {string.Join(", ", suites)}, all
           --data    an aclImdb folder or .tar.gz, or a CSV/TSV of reviews (default: ../shared/data/aclImdb-train.tar.gz from the repository root)
           --model   the model zip the scoring suite measures (default: models/imdb-sentiment.zip in the repository root)
           --word-vectors  the .vec file the quality suite's recipes named NAME+vectors start their embedding from
           --runs    timed runs whose median is reported (default: {DefaultRuns})
         """;

    /// <summary>The parsed arguments, or an error message.</summary>
    public static (BenchmarkArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? suite = null, suiteArgument = null, data = null, model = null, wordVectors = null;
        var runs = DefaultRuns;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Count)
                    return (null, $"{arg} needs a value.");
                var value = args[++i];
                switch (arg)
                {
                    case "--data": data = value; break;
                    case "--model": model = value; break;
                    case "--word-vectors": wordVectors = value; break;
                    case "--runs" when int.TryParse(value, out var count) && count >= 1: runs = count; break;
                    case "--runs": return (null, $"--runs must be a whole number of at least 1, not '{value}'.");
                    default: return (null, $"Unknown option {arg}.");
                }
            }
            else if (suite is null)
                suite = arg;
            else if (suiteArgument is null)
                suiteArgument = arg;
            else
                return (null, $"Unexpected argument '{arg}'.");
        }

        return suite is null
            ? (null, "Name a suite.")
            : (new BenchmarkArguments(suite.ToLowerInvariant(), suiteArgument, data, model, runs, wordVectors), null);
    }
}
