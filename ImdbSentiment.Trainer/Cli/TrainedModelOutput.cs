using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Trainer.Output;
using Microsoft.ML;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>What train does with a trained pipeline, whatever the model: save the zip atomically, then print the metrics.</summary>
internal static class TrainedModelOutput
{
    /// <exception cref="IOException">The output could not be written; the message says where the model was saved instead.</exception>
    public static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string output, TextWriter log)
    {
        void SaveTo(string path) => SentimentModel.Save(mlContext, model, inputSchema, path);
        try
        {
            SaveTo(output);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The paths were checked before training, but something changed since: keep the trained model anyway.
            var rescued = RescueFolders().Select(folder => TrySave(SaveTo, folder, output)).FirstOrDefault(path => path is not null);
            throw new IOException(rescued is null
                ? $"{exception.Message}; the model could not be saved anywhere else either"
                : $"{exception.Message}; the trained model was saved to {rescued} instead", exception);
        }
        log.WriteLine($"Saved the model to {output}");
    }

    private static IEnumerable<string> RescueFolders() => [Environment.CurrentDirectory, Path.GetTempPath()];

    private static string? TrySave(Action<string> save, string folder, string output)
    {
        var path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(output)}.rescued-{DateTime.Now:yyyyMMdd-HHmmss}.zip");
        try
        {
            save(path);
            return path;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Validation metrics first, then test metrics when there is a test set; printed as one table.</summary>
    public static List<(string Name, SentimentMetrics Metrics)> EvaluateAndPrint(
        IAnsiConsole console, MLContext mlContext, ITransformer model, IDataView validation, IReadOnlyList<LabeledReview>? test)
    {
        var metrics = new List<(string Name, SentimentMetrics Metrics)>
        {
            ("validation", SentimentMetrics.Evaluate(mlContext, model.Transform(validation))),
        };
        if (test is not null)
            metrics.Add(("test", SentimentMetrics.Evaluate(mlContext, model.Transform(mlContext.Data.LoadFromEnumerable(test)))));
        console.Write(SummaryTables.Metrics(metrics));
        return metrics;
    }
}
