using System.CommandLine;
using ImdbSentiment.Model.Training;
using ImdbSentiment.Trainer.Cli;

namespace ImdbSentiment.Trainer.NasBert;

/// <summary>
/// The train flags that apply to --model nasbert, with ML.NET's TextClassification defaults (10 epochs, batch 32)
/// rather than a recipe's. A flag that only shapes the recurrent models is refused when given explicitly, so a
/// setting is never silently ignored.
/// </summary>
internal sealed record NasBertSettings(int Epochs, int BatchSize, int Seed, double ValidationFraction)
{
    public const string ModelName = "nasbert";

    public const int DefaultEpochs = 10;

    public const int DefaultBatchSize = 32;

    public static bool IsSelected(TrainFlags flags, ParseResult parse) =>
        string.Equals(parse.GetValue(flags.Model), ModelName, StringComparison.Ordinal);

    public static NasBertSettings From(TrainFlags flags, ParseResult parse)
    {
        Option[] recurrentOnly =
        [
            flags.Recipe, flags.VocabularySize, flags.MaxLength, flags.Padding, flags.Truncating, flags.EmbeddingSize, flags.Units,
            flags.Layers, flags.Bidirectional, flags.Dropout, flags.Pooling, flags.Optimizer, flags.ClipNorm, flags.LearningRate,
            flags.Patience, flags.MinDelta, flags.StartFromEpoch, flags.InitTrials, flags.TrialEpochs, flags.Threads, flags.ReportDir,
        ];
        if (recurrentOnly.FirstOrDefault(option => parse.GetResult(option) is { Implicit: false }) is { } given)
            throw new UsageException(
                $"{given.Name} does not apply to --model {ModelName}, which takes the data flags, --validation-dataset, --validation-fraction, " +
                "--test-dataset, --epochs, --batch-size, --seed and --output.");

        var defaults = new SentimentTrainingOptions();
        T Pick<T>(Option<T> option, T fallback) => parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option)! : fallback;
        var settings = new NasBertSettings(
            Pick(flags.Epochs, DefaultEpochs), Pick(flags.BatchSize, DefaultBatchSize), Pick(flags.Seed, defaults.Network.Seed),
            Pick(flags.ValidationFraction, defaults.ValidationFraction));
        if (settings.Epochs < 1)
            throw new UsageException($"--epochs {settings.Epochs}: NAS-BERT needs at least 1 epoch.");
        if (settings.BatchSize < 1)
            throw new UsageException($"--batch-size {settings.BatchSize}: expected a positive batch size.");
        return settings;
    }
}
