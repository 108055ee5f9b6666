using System.CommandLine;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Explain;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Trainer.Output;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// explain: each word's contribution to a review's prediction, by occlusion (<see cref="OcclusionExplainer"/>): coloured
/// on a terminal, plain word-and-contribution lines when standard output is redirected, and with --html a standalone page.
/// </summary>
internal static class ExplainCommand
{
    /// <summary>
    /// Each word costs one more prediction of the whole review, so the time grows with the square of its length: the
    /// cap keeps a run under half a minute (IMDB's longest reviews have about 2,500 words; a 200 KB file, 40,000, took a
    /// minute; 4,990 words took 18 s with the n-gram bag model, 5 s with the default one).
    /// </summary>
    public const int MostWords = 5_000;

    public static Command Create(IAnsiConsole console)
    {
        var model = ModelOption.Create();
        var text = new Argument<string?>("TEXT") { Description = "The review to explain (or --file).", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "A text file holding the review to explain (UTF-8), instead of TEXT." };
        var top = new Option<int?>("--top") { Description = $"List only the K words of largest contribution, largest first (default: every word in text order when redirected; {ExplanationMarkup.DefaultTop} in the terminal's and the page's table)." };
        var html = new Option<string?>("--html") { Description = "Also write a standalone HTML page with each word's background coloured by its contribution (written atomically)." };
        var command = new Command("explain",
            "Show how much each word of a review moved the prediction: the probability of positive with the word minus with the word replaced by an unknown word (occlusion).")
        {
            model, text, file, top, html,
        };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && value is < 1 or > RecordLimit.MaxLength)
                result.AddError($"--top {value}: expected a whole number of at least 1 and at most {RecordLimit.MaxLength:N0}, the most words a review within the record limit can hold");
        });
        command.Validators.Add(result =>
        {
            var given = result.GetValue(text) is not null;
            if (given == result.GetValue(file) is not null)
                result.AddError(given ? "give the review as TEXT or as --file PATH, not both" : "explain needs a review: give it as TEXT or as --file PATH");
        });
        command.SetAction((parse, _) => CommandFailure.Guard(() =>
        {
            var (review, where) = Review(parse.GetValue(text), parse.GetValue(file));
            if (!ReviewText.HasWords(review))
                throw new UsageException($"{where}: the review {ReviewText.NoWords}: expected the text of a review");
            if (ReviewTokenizer.WordSpans(review).Count is var words and > MostWords)
                throw new UsageException($"{where}: the review has {words:N0} words, more than the {MostWords:N0} words explain looks at " +
                                         "(one prediction of the whole review per word): explain a shorter part of it");
            var page = parse.GetValue(html);
            if (page is not null && parse.GetValue(file) is { } source && CanonicalPath.SameFile(page, source))
                throw new UsageException($"--html {page} is the --file being explained: writing the page would replace the review; write it to another file");

            var modelPath = parse.GetValue(model)!;
            Explanation explanation;
            using (var explainer = OcclusionExplainer.OpenFor(modelPath, review))
                explanation = explainer.Explain(review);
            if (page is not null)
                AtomicFile.WriteAllText(page, ExplanationHtml.Page(explanation, modelPath, parse.GetValue(top) ?? ExplanationMarkup.DefaultTop));

            if (Console.IsOutputRedirected)
            {
                ExplanationText.Write(Console.Out, explanation, parse.GetValue(top));
                return Task.FromResult(0);
            }
            foreach (var part in ExplanationMarkup.Render(explanation, parse.GetValue(top)))
                console.Write(part);
            if (page is not null)
                console.WriteLine($"Wrote the page {page}.");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static (string Review, string Where) Review(string? text, string? file)
    {
        if (text is not null)
            return (text, "TEXT");
        if (!File.Exists(file))
            throw new FileNotFoundException($"--file {file}: no such file (expected a text file holding the review)", file);
        var review = RecordLimit.ReadFile(file!, RecordLimit.MaxLength, out var length) ?? throw new UsageException($"--file {file}: {RecordLimit.FileTooLong("the file", length, RecordLimit.MaxLength, "one review")}");
        return (review, $"--file {file}");
    }
}
