using System.CommandLine;
using System.Globalization;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Trainer.Output;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// predict: one result line per review given as arguments, or per line of standard input when none are, blank lines
/// included, so that results line up with their inputs. A review with no words is refused (naming its line or
/// argument), or with --skip-empty gets the result "empty" and no probability.
/// </summary>
internal static class PredictCommand
{
    private const string EmptyResult = "empty";

    public static Command Create()
    {
        var model = ModelOption.Create();
        var texts = new Argument<string[]>("TEXT") { Description = "Reviews to classify; standard input lines when none are given.", Arity = ArgumentArity.ZeroOrMore };
        var skipEmpty = new Option<bool>("--skip-empty") { Description = $"Print '{EmptyResult}' for a review with no words (empty or only punctuation) instead of failing." };
        var command = new Command("predict",
            "Classify reviews: prints 'positive' or 'negative', the probability of positive, and the review (backslashes doubled; tabs, line breaks and other control characters escaped as \\t, \\n, \\r, \\x1b, \\u2028), tab-separated.")
        {
            model, texts, skipEmpty,
        };
        command.SetAction((parse, _) => CommandFailure.Guard(() =>
        {
            var given = parse.GetValue(texts) ?? [];
            // Reviews given as arguments are known before the model opens, which lets it key only their n-grams; standard
            // input is read as it comes.
            using var scorer = given.Length > 0 ? SentimentScorer.OpenFor(parse.GetValue(model)!, given) : SentimentScorer.Open(parse.GetValue(model)!, maximumIdleRows: 1);
            var reviews = given.Length > 0
                ? given.Select((text, i) => (Text: text, Where: $"TEXT argument {i + 1}"))
                : LimitedLines.Read(Console.In, line => new UsageException($"standard input, line {line}: {RecordLimit.TooLong("the line")}: expected one review per line")).Select((text, i) => (Text: text, Where: $"standard input, line {i + 1}"));
            foreach (var (text, where) in reviews)
            {
                if (ReviewText.HasWords(text))
                    Console.WriteLine(Format(scorer.Predict(text).Probability, text));
                else if (parse.GetValue(skipEmpty))
                    Console.WriteLine($"{EmptyResult}\t\t{TerminalText.EscapeField(text)}");
                else
                    throw new UsageException($"{where}: the review {ReviewText.NoWords}: expected the text of a review, or --skip-empty to print '{EmptyResult}' for it");
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    private static string Format(float probability, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{(SentimentOutputMapping.IsPositive(probability) ? "positive" : "negative")}\t{probability:F4}\t{TerminalText.EscapeField(text)}");
}
