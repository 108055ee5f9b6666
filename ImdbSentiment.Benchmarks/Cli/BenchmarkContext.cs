using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Benchmarks.Cli;

/// <summary>What every suite gets: the resolved paths, the run count, where to print, and the reviews read once per process.</summary>
internal sealed class BenchmarkContext
{
    private readonly Lazy<IReadOnlyList<LabeledReview>> _reviews;

    public BenchmarkContext(string repositoryRoot, string dataPath, string? modelPath, int runs, TextWriter output, string? suiteArgument = null, string? wordVectorsPath = null)
    {
        RepositoryRoot = repositoryRoot;
        DataPath = dataPath;
        ModelPath = modelPath;
        Runs = runs;
        Output = output;
        SuiteArgument = suiteArgument;
        WordVectorsPath = wordVectorsPath;
        _reviews = new(() => ReviewDatasetReader.Read(dataPath).Reviews);
    }

    public string RepositoryRoot { get; }

    public string DataPath { get; }

    /// <summary>The model given with --model; null when the default is wanted.</summary>
    public string? ModelPath { get; }

    public int Runs { get; }

    public TextWriter Output { get; }

    /// <summary>The word after the suite's name, e.g. the recipes the quality suite trains.</summary>
    public string? SuiteArgument { get; }

    /// <summary>The word-vector file given with --word-vectors; null when none was.</summary>
    public string? WordVectorsPath { get; }

    public IReadOnlyList<LabeledReview> Reviews => _reviews.Value;
}
