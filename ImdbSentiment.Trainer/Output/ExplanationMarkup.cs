using System.Globalization;
using System.Text;
using ImdbSentiment.Model.Explain;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImdbSentiment.Trainer.Output;

/// <summary>
/// explain on a terminal: the prediction, the review with each word coloured green (toward positive) or red (toward
/// negative), brighter the more it moved the prediction, and a table of the strongest words.
/// </summary>
internal static class ExplanationMarkup
{
    public const int DefaultTop = 10;

    private static readonly Color Neutral = new(150, 150, 150);
    private static readonly Color TowardPositive = new(0, 215, 95);
    private static readonly Color TowardNegative = new(255, 60, 60);

    public static IEnumerable<IRenderable> Render(Explanation explanation, int? top)
    {
        var scale = new ContributionScale(explanation);
        var verdict = explanation.Prediction.PredictedLabel ? "green" : "red";
        yield return new Markup(string.Create(CultureInfo.InvariantCulture,
            $"[{verdict}]{ExplanationText.Label(explanation.Prediction)}[/] (probability of positive {explanation.Prediction.Probability:F4}); each word coloured by how much it moved that probability:\n"));
        yield return new Markup(ColouredText(explanation, scale) + "\n");

        var table = new Table().AddColumn("word").AddColumn(new TableColumn("contribution").RightAligned());
        foreach (var word in explanation.Strongest(top ?? DefaultTop))
            table.AddRow(Shown(word.Word), $"[{Colour(word, scale).ToMarkup()}]{ContributionScale.Signed(word.Contribution)}[/]");
        yield return table;
    }

    private static string ColouredText(Explanation explanation, ContributionScale scale)
    {
        var text = new StringBuilder();
        for (var i = 0; i < explanation.Words.Count; i++)
        {
            var word = explanation.Words[i];
            text.Append(Shown(explanation.TextBefore(i)));
            text.Append('[').Append(Colour(word, scale).ToMarkup()).Append(']').Append(Shown(word.Word)).Append("[/]");
        }
        return text.Append(Shown(explanation.TextBefore(explanation.Words.Count))).ToString();
    }

    // The review keeps its line breaks; Spectre's markup escaping leaves control characters as they are.
    private static string Shown(string text) => Markup.Escape(TerminalText.Escape(text, keepLineBreaks: true));

    private static Color Colour(WordContribution word, ContributionScale scale) =>
        Neutral.Blend(word.Contribution >= 0 ? TowardPositive : TowardNegative, scale.Intensity(word));
}
