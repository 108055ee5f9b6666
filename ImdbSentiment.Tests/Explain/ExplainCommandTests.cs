using System.Globalization;
using ImdbSentiment.Tests.Faults;

namespace ImdbSentiment.Tests.Explain;

/// <summary>explain run as a script runs it: standard output redirected, so plain lines; the page with --html; the error lines.</summary>
[TestClass]
public sealed class ExplainCommandTests
{
    private const string Review = "We watched this film on a Sunday afternoon with my brother. It was awful.";

    [TestMethod]
    public void Redirected_ItPrintsTheVerdictThenEveryWord_AndTheDecisiveOneIsTheStrongest()
    {
        using var fault = new FaultCase();

        var outcome = fault.Run("explain", "--model", FaultCase.BestModel, Review);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        StringAssert.StartsWith(lines[0], "negative\t0.");
        var words = lines[1..].Select(line => line.Split('\t')).ToList();
        CollectionAssert.AreEqual("We watched this film on a Sunday afternoon with my brother It was awful".Split(' '), words.Select(w => w[0]).ToArray());
        var strongest = words.MaxBy(w => Math.Abs(double.Parse(w[1], CultureInfo.InvariantCulture)))!;
        Assert.AreEqual("awful", strongest[0]);
        StringAssert.StartsWith(strongest[1], "-");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void FromAFile_WithTopAndHtml_ItListsTheStrongestAndWritesThePage()
    {
        using var fault = new FaultCase();
        var review = fault.Input("review.txt", "A dull <b>opening</b>, but the ending is excellent & moving.\n");
        var page = fault.PathOf("explained.html");

        var outcome = fault.Run("explain", "--model", FaultCase.BestModel, "--file", review, "--top", "2", "--html", page);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(3, lines, outcome.Output);
        var html = File.ReadAllText(page);
        StringAssert.Contains(html, "&lt;<span");
        StringAssert.Contains(html, "&amp;");
        StringAssert.Contains(html, $">{lines[1].Split('\t')[0]}</span>");
        fault.AssertOnlyLeft(page);
    }

    [TestMethod]
    [DataRow(new string[0], FaultAssert.Usage, "explain needs a review")]
    [DataRow(new[] { "a review", "--file", "review.txt" }, FaultAssert.Usage, "not both")]
    [DataRow(new[] { "a review", "--top", "0" }, FaultAssert.Usage, "--top 0: expected a whole number of at least 1")]
    [DataRow(new[] { " ... " }, FaultAssert.Failure, "TEXT: the review is empty or has no words")]
    [DataRow(new[] { "--file", "missing.txt" }, FaultAssert.Failure, "--file missing.txt: no such file")]
    public void ABadRequest_IsOneErrorLine(string[] arguments, int exitCode, string expected)
    {
        using var fault = new FaultCase();

        var outcome = fault.Run(["explain", "--model", FaultCase.ShippedModel, .. arguments]);

        FaultAssert.OneErrorLine(outcome, exitCode, expected);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void APageThatWouldReplaceTheReview_IsRefused()
    {
        using var fault = new FaultCase();
        var review = fault.Input("review.txt", Review);

        var outcome = fault.Run("explain", "--model", FaultCase.ShippedModel, "--file", review, "--html", review);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--html", "is the --file being explained");
        Assert.AreEqual(Review, File.ReadAllText(review));
        fault.AssertOnlyLeft();
    }
}
