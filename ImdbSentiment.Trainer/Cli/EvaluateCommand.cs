using System.CommandLine;
using System.Text.Json;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Trainer.Output;
using ImdbSentiment.Trainer.Reports;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>evaluate: score a labelled data set with a saved model and print the metrics, as a table or one JSON object.</summary>
internal static class EvaluateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = ModelOption.Create();
        var data = new DataFlags(datasetRequired: true);
        var json = new Option<bool>("--json") { Description = "Print one JSON object (accuracy, auc, f1, precision, recall, logLoss, count, ..., dataset, split, skippedRows) instead of a table." };
        var command = new Command("evaluate", "Evaluate a saved model on a labelled data set (an aclImdb test/ split when present, else train/; or a CSV/TSV file).") { model, json };
        data.AddTo(command);
        command.SetAction((parse, _) => CommandFailure.Guard(() =>
        {
            var asJson = parse.GetValue(json);
            var log = asJson ? TextWriter.Null : Console.Out;
            var dataset = parse.GetValue(data.Dataset)!;
            var evaluated = DatasetLoader.ForEvaluation(dataset, data.DelimitedOptions(parse), log);
            using var sentimentModel = SentimentModel.Load(parse.GetValue(model)!);
            var scored = sentimentModel.Transform(sentimentModel.MLContext.Data.LoadFromEnumerable(evaluated.Reviews));
            var metrics = SentimentMetrics.Evaluate(sentimentModel.MLContext, scored);
            if (asJson)
                Console.WriteLine(Json(metrics, dataset, evaluated));
            else
                console.Write(SummaryTables.Metrics([("evaluation", metrics)]));
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>The metrics, and what they were measured on: the data set, its aclImdb split (null for a file), the rows skipped.</summary>
    private static string Json(SentimentMetrics metrics, string dataset, EvaluationData evaluated)
    {
        var document = JsonSerializer.SerializeToNode(metrics, ReportJson.Options)!.AsObject();
        document["dataset"] = dataset;
        document["split"] = evaluated.Split;
        document["skippedRows"] = evaluated.SkippedRows;
        return document.ToJsonString(ReportJson.Options);
    }
}
