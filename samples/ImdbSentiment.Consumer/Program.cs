// A serving app as a user would write it: it references only the ImdbSentiment.Model library (for ReviewInput,
// SentimentPrediction and the model's custom mappings), loads the zip with plain ML.NET calls, and needs no TorchSharp.
// Usage: ImdbSentiment.Consumer MODEL.zip [REVIEWS.txt]   (one review per line; standard input when no file)
//        ImdbSentiment.Consumer --consumption-code [REVIEWS.txt]   (the shipped model through the code train wrote for it)
// Prints one line per review: the probability of a positive review (round-trip precision), a tab, and the label.
using System.Globalization;
using ImdbSentiment.Consumption;
using ImdbSentiment.Model;
using Microsoft.ML;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: ImdbSentiment.Consumer MODEL.zip|--consumption-code [REVIEWS.txt]");
    return 2;
}

ITransformer? model = null;
Func<string, (float Probability, bool PredictedLabel)> predict;
if (args[0] == "--consumption-code")
{
    predict = text =>
    {
        var output = ImdbSentimentModel.Predict(new ModelInput { Text = text });
        return (output.Probability, output.PredictedLabel);
    };
}
else
{
    var mlContext = new MLContext();
    model = mlContext.Model.Load(args[0], out _);
    var engine = mlContext.Model.CreatePredictionEngine<ReviewInput, SentimentPrediction>(model);
    predict = text =>
    {
        var prediction = engine.Predict(new ReviewInput { Text = text });
        return (prediction.Probability, prediction.PredictedLabel);
    };
}

using var reviews = args.Length == 2 ? new StreamReader(args[1]) : Console.In;
while (reviews.ReadLine() is { } line)
{
    var (probability, positive) = predict(line);
    Console.WriteLine($"{probability.ToString("R", CultureInfo.InvariantCulture)}\t{(positive ? "positive" : "negative")}");
}

(model as IDisposable)?.Dispose();
return 0;
