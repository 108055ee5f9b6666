using System.Globalization;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Explain;

namespace ImdbSentiment.Trainer.Output;

/// <summary>
/// explain's output when standard output is not a terminal: the prediction as predict prints it (label, probability,
/// tab-separated), then one line per word: the word as the review spells it, a tab and its signed contribution. All
/// words in text order, or with --top only the strongest, strongest first.
/// </summary>
internal static class ExplanationText
{
    public static void Write(TextWriter writer, Explanation explanation, int? top)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Label(explanation.Prediction)}\t{explanation.Prediction.Probability:F4}"));
        foreach (var word in top is { } count ? explanation.Strongest(count) : explanation.Words)
            writer.WriteLine($"{TerminalText.Escape(word.Word)}\t{ContributionScale.Signed(word.Contribution)}");
    }

    public static string Label(SentimentPrediction prediction) => prediction.PredictedLabel ? "positive" : "negative";
}
