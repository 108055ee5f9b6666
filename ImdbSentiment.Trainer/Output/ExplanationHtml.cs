using System.Globalization;
using System.Net;
using System.Text;
using ImdbSentiment.Model.Explain;

namespace ImdbSentiment.Trainer.Output;

/// <summary>
/// explain --html: one standalone page (no scripts, no external files) with the review, each word's background green
/// (toward positive) or red (toward negative) with an opacity proportional to its contribution, the value on hover,
/// and a table of the strongest words. Every piece of the review is HTML-escaped.
/// </summary>
internal static class ExplanationHtml
{
    public static string Page(Explanation explanation, string modelPath, int top)
    {
        var scale = new ContributionScale(explanation);
        var verdict = string.Create(CultureInfo.InvariantCulture,
            $"{ExplanationText.Label(explanation.Prediction)}, probability of positive {explanation.Prediction.Probability:F4}");
        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            """).Append('\n');
        page.Append("<title>").Append(Escape($"imdb-sentiment explain: {verdict}")).Append("</title>\n");
        page.Append("""
            <style>
            body { font-family: system-ui, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #222; }
            .review { white-space: pre-wrap; line-height: 1.9; font-size: 1.1em; }
            .review span { border-radius: 3px; padding: 0.1em 0.05em; }
            td, th { padding: 0.2em 0.8em; text-align: left; } td.c { text-align: right; font-variant-numeric: tabular-nums; }
            </style>
            </head>
            <body>
            """).Append('\n');
        page.Append("<h1>").Append(Escape(verdict)).Append("</h1>\n");
        page.Append("<p>Model ").Append(Escape(modelPath)).Append(
            ". Each word's contribution is the probability of positive with the word minus the probability with the word replaced by an unknown word (occlusion); green words pushed toward positive, red toward negative, the stronger the colour the larger the change. Hover over a word for its value.</p>\n");
        page.Append("<p class=\"review\">");
        for (var i = 0; i < explanation.Words.Count; i++)
        {
            var word = explanation.Words[i];
            page.Append(Escape(explanation.TextBefore(i)));
            page.Append("<span style=\"background: ").Append(Background(word, scale)).Append("\" title=\"").Append(ContributionScale.Signed(word.Contribution))
                .Append("\">").Append(Escape(word.Word)).Append("</span>");
        }
        page.Append(Escape(explanation.TextBefore(explanation.Words.Count))).Append("</p>\n");
        page.Append("<table>\n<tr><th>word</th><th>contribution</th></tr>\n");
        foreach (var word in explanation.Strongest(top))
            page.Append("<tr><td>").Append(Escape(word.Word)).Append("</td><td class=\"c\">").Append(ContributionScale.Signed(word.Contribution)).Append("</td></tr>\n");
        return page.Append("</table>\n</body>\n</html>\n").ToString();
    }

    private static string Background(WordContribution word, ContributionScale scale) => string.Create(CultureInfo.InvariantCulture,
        $"rgba({(word.Contribution >= 0 ? "0, 170, 60" : "220, 30, 30")}, {scale.Intensity(word):0.###})");

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
