using System.CommandLine;
using System.Globalization;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>predict: one result line per review given as arguments, or per line of standard input when none are.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = ModelOption.Create();
        var texts = new Argument<string[]>("TEXT") { Description = "Reviews to classify; standard input lines when none are given.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("predict", "Classify reviews: prints 'positive' or 'negative', the probability of positive, and the review, tab-separated.") { model, texts };
        command.SetAction((parse, _) => CommandFailure.Guard(() =>
        {
            using var sentimentModel = SentimentModel.Load(parse.GetValue(model)!);
            var engine = sentimentModel.CreatePredictionEngine();
            var given = parse.GetValue(texts) ?? [];
            foreach (var text in given.Length > 0 ? given : ReadLines(Console.In))
            {
                var prediction = engine.Predict(new ReviewInput { Text = text });
                Console.WriteLine(Format(prediction, text));
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    internal static string Format(SentimentPrediction prediction, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{(prediction.PredictedLabel ? "positive" : "negative")}\t{prediction.Probability:F4}\t{text}");

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                yield return line;
        }
    }
}
