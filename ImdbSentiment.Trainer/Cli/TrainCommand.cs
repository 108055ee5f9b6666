using System.CommandLine;
using System.Diagnostics;
using ImdbSentiment.Model;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Trainer.Output;
using ImdbSentiment.Trainer.Reports;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using Microsoft.ML;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// train: read (or download) the data, fit the featurizer, train the network with early stopping, save the model zip
/// atomically, print and write the metrics and the report folder. Ctrl-C stops training after the current batch and
/// still saves the model from the best weights.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var flags = new TrainFlags();
        var command = flags.CreateCommand();
        command.SetAction((parse, cancellation) => CommandFailure.Guard(() => RunAsync(flags, parse, console, cancellation)));
        return command;
    }

    private static async Task<int> RunAsync(TrainFlags flags, ParseResult parse, IAnsiConsole console, CancellationToken cancellation)
    {
        var options = flags.TrainingOptions(parse);
        TrainingPreconditions.Validate(options);
        TrainingPreconditions.RequireWordVectors(parse.GetValue(flags.Recipe)!, options);
        TrainingPreconditions.RequireFusedForUnlabelled(options, parse.GetValue(flags.Unlabelled));
        options = TrainingPreconditions.CapThreads(options, Console.Error);
        var output = Path.GetFullPath(parse.GetValue(flags.Output)!);
        var reportDir = Path.GetFullPath(parse.GetValue(flags.ReportDir) ?? ReportFolder.DefaultFor(output));
        var replacedReport = OutputPaths.RequireWritable(output, reportDir, parse.GetValue(flags.Force),
            [
                (flags.Data.Dataset.Name, parse.GetValue(flags.Data.Dataset)), (flags.ValidationDataset.Name, parse.GetValue(flags.ValidationDataset)),
                (flags.TestDataset.Name, parse.GetValue(flags.TestDataset)), (flags.WordVectors.Name, parse.GetValue(flags.WordVectors)),
            ]);
        var log = Console.Out;

        var data = await TrainingData.LoadAsync(flags, parse, console, log, cancellation);
        var (dataset, training, validation, test) = data;
        TrainingPreconditions.RequireBothClasses(dataset, training);
        TrainingPreconditions.RequireGroups(dataset, options.SplitBy, validation is not null, training);

        using var temporaryFiles = new OwnedTemporaryFolder();
        var mlContext = new MLContext(seed: options.Trainer.Seed) { TempFilePath = temporaryFiles.Path };
        // The report, checkpoint included, is written beside the report folder and moved in only once the model is
        // saved, so a failed run leaves neither a half report nor an earlier one half replaced.
        using var report = new StagedFolder(reportDir);
        var pipeline = new SentimentTrainingPipeline(mlContext, WithCheckpoint(options, Path.Combine(report.StagingPath, ReportFolder.CheckpointFileName)));
        // Resolved once, checkpoint included, so the model and the report it writes describe the same run.
        options = WithCheckpoint(options, Path.Combine(reportDir, ReportFolder.CheckpointFileName));
        var prepared = pipeline.Prepare(training, validation, data.Unlabelled);
        console.Write(SummaryTables.Data(prepared.TrainingSummary, "Training data"));
        var modelSummary = pipeline.Summarise(prepared);
        console.Write(SummaryTables.Model(modelSummary));

        var monitor = new EpochLogMonitor(log, options.Trainer.Fit.Epochs, live: !Console.IsOutputRedirected);
        var watch = Stopwatch.StartNew();
        TrainedPipeline trained;
        using (var interrupt = new InterruptSignal(cancellation))
            trained = pipeline.Train(prepared, monitor, interrupt.Token);
        var result = trained.Training.Result;
        log.WriteLine(Outcome(result, watch.Elapsed));

        var metrics = TrainedModelOutput.EvaluateAndPrint(console, mlContext, trained.Model, prepared.Validation, test);
        ReportFolder.WriteFolder(new ReportInputs(
            reportDir, output, dataset, CommandLineText.Format(Environment.GetCommandLineArgs(), Environment.CurrentDirectory), options, modelSummary, prepared.TrainingSummary, result,
            metrics[0].Metrics, test is null ? null : metrics[1].Metrics, data.SkippedRows)
        {
            TestSetName = parse.GetValue(flags.DevTest) ? "Development-test" : "Test",
        }, report.StagingPath);

        TrainedModelOutput.Save(mlContext, trained.Model, trained.InputSchema, output, log);
        report.Publish(ReportFolder.FileNames);
        ReportFolder.WriteConsumptionCode(output);
        log.WriteLine($"Wrote the report to {reportDir}{(replacedReport is null ? "" : $", replacing {replacedReport}")}, and consumption code beside the model.");
        (trained.Model as IDisposable)?.Dispose();
        return result.Cancelled ? ExitCodes.Cancelled : ExitCodes.Success;
    }

    private static SentimentTrainingOptions WithCheckpoint(SentimentTrainingOptions options, string path) =>
        options with { Trainer = options.Trainer.WithFit(fit => fit with { CheckpointPath = path }) };

    private static string Outcome(TrainingResult result, TimeSpan elapsed)
    {
        var epochs = Plural.Of(result.History.Count, "epoch");
        var why = result.Cancelled ? $"was cancelled after {epochs}" : result.StoppedEarly ? $"stopped early after {epochs}" : $"ran all {epochs}";
        var best = result.Best is { } epoch
            ? $"best epoch {epoch.Epoch}: val_loss {epoch.ValidationLoss:F4}, val_accuracy {epoch.ValidationAccuracy:F4}"
            : "no epoch finished";
        var seed = result.Initialization is { Trials.Count: > 0 } trials
            ? $" Initialisation guard: ran from seed {trials.ChosenSeed} of {trials.Trials.Count} candidates."
            : "";
        var kept = result.RefitReviews > 0
            ? $"then refitted on all {result.RefitReviews:N0} training and validation reviews for {Model.Plural.Of(result.BestEpoch, "epoch")} (the refitted weights are kept; the validation metrics below are on reviews it trained on)"
            : "its weights are kept";
        return $"Training {why} in {elapsed.TotalSeconds:F1}s; {best} ({kept}).{seed}";
    }
}
