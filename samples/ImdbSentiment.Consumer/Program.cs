// A serving app as a user would write it: it references only the ImdbSentiment.Model library (for ReviewInput,
// SentimentPrediction and the model's custom mappings), loads the zip with plain ML.NET calls, and needs no TorchSharp.
// Usage: ImdbSentiment.Consumer MODEL.zip [REVIEWS.txt]   (one review per line; standard input when no file)
// Prints one line per review: the probability of a positive review (round-trip precision), a tab, and the label.
using System.Globalization;
using ImdbSentiment.Model;
using Microsoft.ML;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: ImdbSentiment.Consumer MODEL.zip [REVIEWS.txt]");
    return 2;
}

var mlContext = new MLContext();
var model = mlContext.Model.Load(args[0], out _);
var engine = mlContext.Model.CreatePredictionEngine<ReviewInput, SentimentPrediction>(model);
using var reviews = args.Length == 2 ? new StreamReader(args[1]) : Console.In;
while (reviews.ReadLine() is { } line)
{
    var prediction = engine.Predict(new ReviewInput { Text = line });
    var label = prediction.PredictedLabel ? "positive" : "negative";
    Console.WriteLine($"{prediction.Probability.ToString("R", CultureInfo.InvariantCulture)}\t{label}");
}

(model as IDisposable)?.Dispose();
return 0;
