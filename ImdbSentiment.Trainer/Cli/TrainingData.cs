using System.CommandLine;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Trainer.Reports;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// What train reads, whatever the model: --dataset (or the downloaded IMDB archive), the test set (the archive's
/// test/ split or --test-dataset), an explicit --validation-dataset, and the archive's unlabelled reviews with --unlabelled.
/// </summary>
internal sealed record TrainingData(
    string DatasetPath, IReadOnlyList<LabeledReview> Training, IReadOnlyList<LabeledReview>? Validation, IReadOnlyList<LabeledReview>? Test)
{
    public static async Task<TrainingData> LoadAsync(TrainFlags flags, ParseResult parse, IAnsiConsole console, TextWriter log, CancellationToken cancellation)
    {
        var dataset = parse.GetValue(flags.Data.Dataset) ?? await DefaultDataset.EnsureAsync(console, cancellation);
        DistinctInputs.Require(("--dataset", dataset), ("--validation-dataset", parse.GetValue(flags.ValidationDataset)), ("--test-dataset", parse.GetValue(flags.TestDataset)));
        var delimited = flags.Data.DelimitedOptions(parse);
        var (training, test, unlabelled) = DatasetLoader.ForTraining(dataset, delimited, parse.GetValue(flags.DevTest), parse.GetValue(flags.Unlabelled), log);
        var testFile = parse.GetValue(flags.TestDataset) is { } testPath ? DatasetLoader.ReadFile(testPath, delimited, log) : null;
        var validation = parse.GetValue(flags.ValidationDataset) is { } validationPath ? DatasetLoader.ReadFile(validationPath, delimited, log) : null;
        return new TrainingData(dataset, training.Reviews, validation?.Reviews, testFile?.Reviews ?? test)
        {
            SkippedRows = new SkippedRowCounts(training.SkippedRows, validation?.SkippedRows ?? 0, testFile?.SkippedRows ?? 0),
            Unlabelled = unlabelled,
        };
    }

    public SkippedRowCounts SkippedRows { get; init; } = SkippedRowCounts.None;

    /// <summary>The unlabelled reviews --unlabelled asked for; null without it.</summary>
    public IReadOnlyList<string>? Unlabelled { get; init; }
}
