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
    public static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string output, TextWriter log)
    {
        AtomicFile.Write(output, temporary => mlContext.Model.Save(model, inputSchema, temporary));
        log.WriteLine($"Saved the model to {output}");
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
