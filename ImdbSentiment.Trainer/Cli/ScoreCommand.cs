using System.CommandLine;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>score: stream a CSV/TSV through a saved model, appending PredictedLabel and Probability to every row.</summary>
internal static class ScoreCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = ModelOption.Create();
        var input = new Option<string>("--input") { Description = "The CSV/TSV file to score.", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write it with the predictions appended (written atomically).", Required = true };
        var textColumn = new Option<string?>("--text-col") { Description = "The text column: a header name or a 0-based index (default: the only column, or 'text'/'review')." };
        var hasHeader = new Option<bool?>("--has-header") { Description = "Whether the first row names the columns: true or false (default: detected, as for train and evaluate)." };
        var separator = new Option<string?>("--separator") { Description = "comma, tab or semicolon (default: detected)." };
        var skipEmpty = new Option<bool>("--skip-empty") { Description = "Leave rows whose review has no words (empty or only punctuation) unscored, with empty prediction cells, instead of failing." };
        var command = new Command("score", "Batch-score a CSV/TSV file of any size in constant memory.") { model, input, output, textColumn, hasHeader, separator, skipEmpty };
        command.SetAction((parse, cancellation) => CommandFailure.Guard(() =>
        {
            var options = new CsvScoringOptions
            {
                TextColumn = parse.GetValue(textColumn),
                HasHeader = parse.GetValue(hasHeader),
                Separator = parse.GetValue(separator) is { } name ? SeparatorNames.Parse(name) : null,
                SkipEmptyText = parse.GetValue(skipEmpty),
            };
            using var sentimentModel = SentimentModel.Load(parse.GetValue(model)!);
            // Ctrl-C stops between chunks; the output is written atomically, so nothing partial is left behind.
            using var interrupt = new InterruptSignal(cancellation);
            var result = Score(console, sentimentModel, parse.GetValue(input)!, parse.GetValue(output)!, options, interrupt.Token);
            Console.WriteLine($"Scored {Plural.Of(result.RowsScored, "row")} into {parse.GetValue(output)} " +
                (result.HasHeader ? "(the first row was read as a header)" : "(no header row)") +
                (result.RowsSkipped > 0 ? $"; {Plural.Of(result.RowsSkipped, "row")} with an empty text left unscored." : "."));
            return Task.FromResult(0);
        }));
        return command;
    }

    private static CsvScoringResult Score(IAnsiConsole console, SentimentModel model, string input, string output, CsvScoringOptions options, CancellationToken cancellation)
    {
        if (!console.Profile.Capabilities.Interactive)
            return CsvBatchScorer.Score(model, input, output, options, cancellation: cancellation);

        CsvScoringResult result = new(0, 0, false);
        console.Status().Start("Scoring...", context =>
            result = CsvBatchScorer.Score(model, input, output, options, rows => context.Status($"Scoring... {rows:N0} rows"), cancellation));
        return result;
    }
}
