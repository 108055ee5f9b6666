using System.Text.RegularExpressions;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Explain;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Trainer.Output;
using Spectre.Console;

namespace ImdbSentiment.Tests.Explain;

[TestClass]
public sealed class ExplanationRenderingTests
{
    private const string Text = "A <script>alert(x)</script> & \"dull\" [b]film";

    // Made-up contributions of the review's words: A, script, alert, x, script, dull, b, film.
    private static readonly float[] Contributions = [0.01f, 0.0f, 0.02f, -0.00001f, 0.0f, -0.4f, 0.0f, 0.1f];

    private static Explanation Made() => new(
        Text, new SentimentPrediction { PredictedLabel = false, Probability = 0.125f },
        [.. ReviewTokenizer.WordSpans(Text).Zip(Contributions, (span, c) => new WordContribution(span, Text.Substring(span.Start, span.Length), c))]);

    [TestMethod]
    public void TheGapsAndTheWordsInTurn_GiveBackTheReview()
    {
        var explanation = Made();

        var rebuilt = string.Concat(explanation.Words.Select((word, i) => explanation.TextBefore(i) + word.Word)) + explanation.TextBefore(explanation.Words.Count);

        Assert.AreEqual(Text, rebuilt);
        Assert.AreEqual(" <", explanation.TextBefore(1));
        Assert.AreEqual("", explanation.TextBefore(explanation.Words.Count));
    }

    [TestMethod]
    public void ThePlainText_IsTheVerdictThenOneWordAndSignedContributionPerLine()
    {
        var all = new StringWriter();
        var top = new StringWriter();

        ExplanationText.Write(all, Made(), top: null);
        ExplanationText.Write(top, Made(), top: 2);

        Assert.AreEqual("negative\t0.1250\nA\t+0.0100\nscript\t0.0000\nalert\t+0.0200\nx\t0.0000\nscript\t0.0000\ndull\t-0.4000\nb\t0.0000\nfilm\t+0.1000\n", all.ToString().ReplaceLineEndings("\n"));
        Assert.AreEqual("negative\t0.1250\ndull\t-0.4000\nfilm\t+0.1000\n", top.ToString().ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public void TheHtmlPage_EscapesTheReview_AndShadesEachWordByItsShareOfTheStrongest()
    {
        var page = ExplanationHtml.Page(Made(), "models/<m>.zip", top: 3);

        Assert.DoesNotContain("<script", page);
        StringAssert.Contains(page, "&lt;<span style=\"background: rgba(0, 170, 60, 0)\" title=\"0.0000\">script</span>&gt;");
        StringAssert.Contains(page, "&amp; &quot;<span style=\"background: rgba(220, 30, 30, 1)\" title=\"-0.4000\">dull</span>&quot;");
        StringAssert.Contains(page, "rgba(0, 170, 60, 0.25)\" title=\"+0.1000\"");
        StringAssert.Contains(page, "models/&lt;m&gt;.zip");
        Assert.AreEqual(3, Regex.Matches(page, "<td class=\"c\">").Count, "the top 3 in the table");
        StringAssert.StartsWith(page, "<!DOCTYPE html>");
        StringAssert.EndsWith(page.TrimEnd(), "</html>");
    }

    [TestMethod]
    public void OnATerminal_TheReviewIsColoured_WithTheStrongestWordInFullColour()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.TrueColor, Out = new AnsiConsoleOutput(output),
        });

        foreach (var part in ExplanationMarkup.Render(Made(), top: null))
            console.Write(part);

        var text = output.ToString();
        StringAssert.Contains(text, "\u001b[38;2;255;60;60mdull\u001b[0m", "the strongest, toward negative, in full red");
        StringAssert.Contains(text, "\u001b[38;2;150;150;150mscript\u001b[0m", "a word that moved nothing stays grey");
        StringAssert.Contains(text, "<\u001b[38;2;150;150;150mscript\u001b[0m>", "the review's tags are shown as they are");
        StringAssert.Contains(text, "[\u001b[38;2;150;150;150mb\u001b[0m]", "and its brackets are not read as markup");
        StringAssert.Contains(text, "-0.4000");
    }
}
