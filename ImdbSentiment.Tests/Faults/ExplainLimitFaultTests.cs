namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 16: explain runs one prediction per word, so a long file would take minutes; a review with more
/// words than the documented cap is refused at once, naming the file and the cap.
/// </summary>
[TestClass]
public sealed class ExplainLimitFaultTests
{
    [TestMethod]
    public void Explain_AReviewOverTheWordCap_IsRefusedAtOnce_NamingTheFileAndTheCap()
    {
        using var fault = new FaultCase();
        var words = string.Join(' ', SyntheticReviews.Create(800, seed: 16).Select(r => r.Text));
        Assert.IsGreaterThan(5_000, words.Split(' ').Length);
        var file = fault.Input("long-review.txt", words);

        var outcome = fault.Run("explain", "--model", FaultCase.ShippedModel, "--file", file);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, $"--file {file}", "more than the 5,000 words explain looks at");
        Assert.AreEqual("", outcome.Output);
        fault.AssertOnlyLeft();
    }
}
