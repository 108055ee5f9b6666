using System.CommandLine;
using System.Diagnostics;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Download;
using ImdbSentiment.Trainer.Cli;
using Microsoft.ML;
using Spectre.Console;

namespace ImdbSentiment.Trainer.NasBert;

/// <summary>
/// train --model nasbert: make sure NAS-BERT's pretrained weights are in ML.NET's cache (downloading them once), read
/// the same training/validation/test data as the recurrent models, fine-tune ML.NET's TextClassification trainer,
/// save the model zip atomically and print the metrics. No report folder: its charts and card describe the RNN runs.
/// </summary>
internal static class NasBertTrainCommand
{
    public static bool IsSelected(TrainFlags flags, ParseResult parse) => NasBertSettings.IsSelected(flags, parse);

    public static async Task<int> RunAsync(TrainFlags flags, ParseResult parse, IAnsiConsole console, CancellationToken cancellation)
    {
        var settings = NasBertSettings.From(flags, parse);
        var output = Path.GetFullPath(parse.GetValue(flags.Output)!);
        var log = Console.Out;
        TorchRuntime.EnsureLoaded();

        // ML.NET looks for the weights under its TempFilePath; the per-user cache keeps them across /tmp clean-ups.
        var mlContext = new MLContext(seed: settings.Seed) { TempFilePath = NasBertWeights.MLContextTempFolder };
        var source = NasBertWeights.SourceUri();
        var cachePath = NasBertWeights.CachePath(mlContext.TempFilePath);
        var downloadedNow = !File.Exists(cachePath);
        await EnsureWeightsAsync(console, new NasBertWeightsDownloader(source, cachePath), cancellation);

        var data = await TrainingData.LoadAsync(flags, parse, console, log, cancellation);
        RequireBothClasses(data.Training);
        var all = mlContext.Data.LoadFromEnumerable(data.Training);
        var (training, validation) = data.Validation is null
            ? TrainValidationSplit.Split(mlContext, all, data.Training.Count, settings.ValidationFraction, settings.Seed)
            : (all, mlContext.Data.LoadFromEnumerable(data.Validation));

        log.WriteLine($"Fine-tuning NAS-BERT (ML.NET TextClassification, pretrained weights {cachePath}) for {settings.Epochs} epochs, batch size {settings.BatchSize}.");
        var pipeline = new NasBertPipeline(mlContext, settings.Epochs, settings.BatchSize)
        {
            EpochCompleted = (epoch, accuracy) => log.WriteLine($"Epoch {epoch}/{settings.Epochs} - val_accuracy: {accuracy:F4}"),
        };
        var watch = Stopwatch.StartNew();
        var model = Fit(pipeline, training, validation, source, cachePath, downloadedNow);
        log.WriteLine($"Training ran {settings.Epochs} epochs in {watch.Elapsed.TotalSeconds:F1}s.");

        TrainedModelOutput.Save(mlContext, model, all.Schema, output, log);
        TrainedModelOutput.EvaluateAndPrint(console, mlContext, model, validation, data.Test);
        log.WriteLine("Serving this zip needs the imdb-sentiment assembly (NasBertOutputMapping) and Microsoft.ML.TorchSharp with libtorch.");
        (model as IDisposable)?.Dispose();
        return 0;
    }

    private static ITransformer Fit(NasBertPipeline pipeline, IDataView training, IDataView validation, Uri source, string cachePath, bool downloadedNow)
    {
        try
        {
            return pipeline.Fit(training, validation);
        }
        catch (Exception error) when (NasBertFailures.IsInvalidWeights(error))
        {
            // ML.NET would find the same file next time and fail the same way: remove it so a later run fetches it again.
            File.Delete(cachePath);
            throw NasBertFailures.InvalidWeights(source, cachePath, downloadedNow, error);
        }
        catch (Exception error) when (NasBertFailures.IsDisposedLayerWeights(error))
        {
            throw NasBertFailures.DisposedLayerWeights(cachePath, error);
        }
    }

    private static async Task EnsureWeightsAsync(IAnsiConsole console, NasBertWeightsDownloader downloader, CancellationToken cancellation)
    {
        if (File.Exists(downloader.DestinationPath))
            return;

        console.MarkupLineInterpolated($"Downloading NAS-BERT's pretrained weights from {downloader.Source} into {downloader.DestinationPath}");
        if (!console.Profile.Capabilities.Interactive)
        {
            await downloader.EnsureAsync(null, cancellation);
            return;
        }

        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(NasBertWeights.FileName, maxValue: 1);
                var progress = new Progress<DownloadProgress>(report =>
                {
                    task.MaxValue = report.TotalBytes ?? Math.Max(report.BytesReceived, 1);
                    task.Value = report.BytesReceived;
                });
                await downloader.EnsureAsync(progress, cancellation);
                task.Value = task.MaxValue;
            });
    }

    private static void RequireBothClasses(IReadOnlyList<LabeledReview> reviews)
    {
        var positive = reviews.Count(review => review.Label);
        if (positive == 0 || positive == reviews.Count)
            throw new UsageException(
                $"NAS-BERT needs positive and negative training reviews; the training data has {positive:N0} positive and {reviews.Count - positive:N0} negative.");
    }
}
