using System.CommandLine;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Batch;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Model.Serving;
using Spectre.Console;
using ImdbSentiment.Trainer.Output;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// score: stream a CSV/TSV through a saved model, appending PredictedLabel and Probability to every row; with
/// --output-dir, any number of inputs, one output each, split between processes by --shard (<see cref="BatchScoring"/>).
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = ModelOption.Create();
        var input = new Option<string[]>("--input")
        {
            Description = "The CSV/TSV file to score; with --output-dir any number of files, folders (their .csv, .tsv and .txt files) and quoted patterns such as 'reviews/*.csv'.",
            Required = true, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output") { Description = "Where to write the one input with the predictions appended (written atomically)." };
        var outputFolder = new Option<string?>("--output-dir") { Description = "Write each input's output into this folder under the input's file name (written atomically); inputs whose output is there already are skipped, so a rerun resumes." };
        var shard = new Option<string?>("--shard") { Description = "INDEX/COUNT, 0-based: score only this process's share of the inputs (by a stable hash of each file name), e.g. --shard $JOB_COMPLETION_INDEX/4." };
        var textColumn = new Option<string?>("--text-col") { Description = "The text column: a header name or a 0-based index (default: the only column, or 'text'/'review')." };
        DataFlags.RefuseNegativeIndex(textColumn);
        var hasHeader = new Option<bool?>("--has-header") { Description = "Whether the first row names the columns: true or false (default: detected, as for train and evaluate)." };
        var separator = new Option<string?>("--separator") { Description = "comma, tab or semicolon (default: detected)." };
        var quoting = QuotingOption.Create();
        var skipEmpty = new Option<bool>("--skip-empty") { Description = "Leave rows whose review has no words (empty or only punctuation) unscored, with empty prediction cells, instead of failing." };
        var command = new Command("score", "Batch-score CSV/TSV files of any size in constant memory.")
        {
            model, input, output, outputFolder, shard, textColumn, hasHeader, separator, quoting, skipEmpty,
        };
        shard.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Shard.TryParse(value, out _, out var problem))
                result.AddError($"--shard {value}: {problem}");
        });
        command.Validators.Add(result =>
        {
            if (OutputProblem(result.GetValue(input) ?? [], result.GetValue(output), result.GetValue(outputFolder), result.GetValue(shard)) is { } problem)
                result.AddError(problem);
        });
        command.SetAction((parse, cancellation) => CommandFailure.Guard(() =>
        {
            var options = new DelimitedFileOptions
            {
                TextColumn = parse.GetValue(textColumn),
                HasHeader = parse.GetValue(hasHeader),
                Separator = parse.GetValue(separator) is { } name ? SeparatorNames.Parse(name) : null,
                Quoting = QuotingOption.Parse(parse.GetValue(quoting)),
                SkipEmptyText = parse.GetValue(skipEmpty),
            };
            // Ctrl-C stops between chunks; outputs are written atomically, so nothing partial is left behind.
            if (parse.GetValue(outputFolder) is { } folder)
            {
                var plan = BatchScoringPlan.Create(ScoringInputs.Resolve(parse.GetValue(input)!), folder,
                    parse.GetValue(shard) is { } given ? Shard.Parse(given) : Shard.All);
                BatchScoring.Run(console, parse.GetValue(model)!, plan, options, cancellation);
                return Task.FromResult(0);
            }

            using var scorer = SentimentScorer.Open(parse.GetValue(model)!);
            using var interrupt = new InterruptSignal(cancellation);
            var outputPath = parse.GetValue(output)!;
            var result = Score(console, scorer, parse.GetValue(input)![0], outputPath, options, interrupt.Token);
            // An output written through may be standard output itself: the summary must not end up among the rows.
            (OutputTarget.Resolve(outputPath).WritesThrough ? Console.Error : Console.Out).WriteLine(Summary(result, outputPath));
            return Task.FromResult(0);
        }));
        return command;
    }

    // --output is one file for one input; --output-dir takes any number, and shards need it.
    private static string? OutputProblem(string[] inputs, string? output, string? outputFolder, string? shard) => (output, outputFolder) switch
    {
        (not null, not null) => "--output and --output-dir cannot be given together: --output names the one output file, --output-dir the folder of one output per input",
        (null, null) => "score needs --output FILE for one input, or --output-dir DIR for one output per input",
        (not null, _) when inputs.Length > 1 || inputs.Any(named => Directory.Exists(named) || ScoringInputs.IsPattern(named)) =>
            $"--output names one file, but --input gives {(inputs.Length > 1 ? $"{inputs.Length} inputs" : $"the folder or pattern {inputs[0]}")}: use --output-dir DIR to write one output per input",
        (not null, _) when shard is not null => "--shard splits a set of inputs between processes: it needs --output-dir DIR",
        _ => null,
    };

    internal static string Summary(CsvScoringResult result, string output) =>
        $"Scored {Plural.Of(result.RowsScored, "row")} into {TerminalText.Escape(output)} " +
        (result.HasHeader ? "(the first row was read as a header)" : "(no header row)") +
        (result.RowsSkipped > 0 ? $"; {Plural.Of(result.RowsSkipped, "row")} with an empty text left unscored." : ".");

    internal static CsvScoringResult Score(IAnsiConsole console, SentimentScorer model, string input, string output, DelimitedFileOptions options, CancellationToken cancellation)
    {
        if (!console.Profile.Capabilities.Interactive)
            return CsvBatchScorer.Score(model, input, output, options, cancellation: cancellation);

        CsvScoringResult result = new(0, 0, false);
        var name = Markup.Escape(TerminalText.Escape(Path.GetFileName(input)));
        console.Status().Start($"Scoring {name}...", context =>
            result = CsvBatchScorer.Score(model, input, output, options, rows => context.Status($"Scoring {name}... {rows:N0} rows"), cancellation));
        return result;
    }
}
