using System.CommandLine;
using System.Text.Json;
using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Model.Serving;
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
        var json = new Option<bool>("--json") { Description = "Print one JSON object (accuracy, auc, f1, precision, recall, logLoss, count, ...) instead of a table." };
        var command = new Command("evaluate", "Evaluate a saved model on a labelled data set (an aclImdb test/ split when present, else train/; or a CSV/TSV file).") { model, json };
        data.AddTo(command);
        command.SetAction((parse, _) => CommandFailure.Guard(() =>
        {
            var asJson = parse.GetValue(json);
            var log = asJson ? TextWriter.Null : Console.Out;
            var reviews = DatasetLoader.ForEvaluation(parse.GetValue(data.Dataset)!, data.DelimitedOptions(parse), log);
            using var sentimentModel = SentimentModel.Load(parse.GetValue(model)!);
            var scored = sentimentModel.Transform(sentimentModel.MLContext.Data.LoadFromEnumerable(reviews));
            var metrics = SentimentMetrics.Evaluate(sentimentModel.MLContext, scored);
            if (asJson)
                Console.WriteLine(JsonSerializer.Serialize(metrics, ReportJson.Options));
            else
                console.Write(SummaryTables.Metrics([("evaluation", metrics)]));
            return Task.FromResult(0);
        }));
        return command;
    }
}
