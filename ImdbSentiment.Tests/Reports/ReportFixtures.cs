using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Trainer.Reports;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Tests.Reports;

/// <summary>A synthetic training run to report on, and a scratch folder that deletes itself.</summary>
internal static class ReportFixtures
{
    public static readonly SentimentTrainingOptions Options = new()
    {
        Featurizer = new() { VocabularySize = 1000, MaxLength = 120 },
        Trainer = new() { Fit = new() { Epochs = 20, Patience = 2 } },
    };

    public static IReadOnlyList<EpochMetrics> History { get; } =
    [
        .. Enumerable.Range(1, 8).Select(epoch => new EpochMetrics(
            epoch, 0.69 - 0.05 * epoch, 0.5 + 0.04 * epoch, 0.68 - 0.04 * Math.Min(epoch, 6) + 0.01 * Math.Max(0, epoch - 6),
            0.52 + 0.035 * Math.Min(epoch, 6), TimeSpan.FromSeconds(2 + 0.25 * epoch))),
    ];

    public static TrainingResult Training { get; } = new(History, BestEpoch: 6, StoppedEarly: true, Cancelled: false);

    public static DataSummary TrainingData { get; } = CreateSummary();

    public static SentimentMetrics Validation { get; } = new(
        Count: 5000, Accuracy: 0.8123, Auc: 0.8911, F1: 0.8034, Precision: 0.8456, Recall: 0.7652, LogLoss: 0.6012,
        TruePositives: 1913, FalsePositives: 349, TrueNegatives: 2149, FalseNegatives: 589);

    public static SentimentMetrics Test { get; } = new(
        Count: 25000, Accuracy: 0.7987, Auc: double.NaN, F1: 0.7911, Precision: 0.8222, Recall: 0.7623, LogLoss: 0.6210,
        TruePositives: 9529, FalsePositives: 2060, TrueNegatives: 10438, FalseNegatives: 2973);

    public const string CommandLine = "dotnet imdb-sentiment.dll train --vocab-size 1000 --max-length 120 --output 'my models/imdb.zip'";

    public static ReportInputs CardContent(SentimentMetrics? test) => new(
        "report", "imdb.zip", "/data/aclImdb", CommandLine, Options, ModelSummary.Describe(Options.Trainer.Network, NetworkInputs.Planned(Options.Featurizer), 120),
        TrainingData, Training, Validation, test, SkippedRows);

    public static SkippedRowCounts SkippedRows { get; } = new(Training: 12, Validation: 0, Test: 3);

    private static DataSummary CreateSummary()
    {
        var random = new Random(7);
        var counts = Enumerable.Range(0, 2000).Select(_ => (int)Math.Exp(4.5 + 0.7 * Gaussian(random))).ToArray();
        var sorted = counts.Order().ToArray();
        return new DataSummary(
            counts.Length, 1012, counts.Average(), sorted[counts.Length / 2], sorted[counts.Length * 9 / 10], sorted[^1],
            0.1234, counts.Count(count => count + 1 > 120) / (double)counts.Length, 120, counts);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>A new empty folder under the temp folder, deleted with everything in it on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"reports-{Guid.NewGuid():N}");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The names of every file under the folder, relative to it, sorted.</summary>
    public string[] Files() => Directory.Exists(Path)
        ? [.. Directory.GetFiles(Path, "*", SearchOption.AllDirectories).Select(file => System.IO.Path.GetRelativePath(Path, file)).Order(StringComparer.Ordinal)]
        : [];

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
