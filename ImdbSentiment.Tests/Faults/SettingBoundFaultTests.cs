namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 11: every size setting has a ceiling, checked before any data is read: a setting over it is a usage
/// error (exit 2) whose one line names the flag, the bound and why.
/// </summary>
[TestClass]
public sealed class SettingBoundFaultTests
{
    [TestMethod]
    [DataRow("--max-length", "100000000")]
    [DataRow("--vocab-size", "2000000000")]
    [DataRow("--ngram-vocab-size", "2000000000")]
    [DataRow("--embedding-size", "1000000")]
    [DataRow("--units", "1000000")]
    [DataRow("--layers", "100000")]
    [DataRow("--batch-size", "2000000000")]
    [DataRow("--epochs", "2000000000")]
    [DataRow("--patience", "2000000000")]
    [DataRow("--start-from-epoch", "2000000000")]
    [DataRow("--init-trials", "1000000")]
    [DataRow("--trial-epochs", "2000000000")]
    [DataRow("--batch-shares", "100000")]
    [DataRow("--ngrams", "100")]
    public void ASettingOverItsCeiling_IsAUsageError_BeforeTheDataIsRead(string flag, string value)
    {
        using var fault = new FaultCase();
        // Never read: a bound checked only after reading would name this missing file instead of the flag.
        var dataset = fault.PathOf("not-there.csv");

        var outcome = fault.Run("train", "--dataset", dataset, "--output", fault.PathOf("never.zip"), flag, value);

        var line = FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, flag);
        StringAssert.Matches(line, new System.Text.RegularExpressions.Regex(@"(at most|to) [0-9][0-9,]*"), "the line names the bound");
        Assert.DoesNotContain("not-there.csv", line);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void ACeilingMessage_SaysWhy()
    {
        using var fault = new FaultCase();

        var outcome = fault.Run("train", "--dataset", fault.PathOf("not-there.csv"), "--output", fault.PathOf("never.zip"), "--max-length", "100000000");

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, "--max-length", "at most 10,000", "got 100000000", "memory");
    }

    [TestMethod]
    public void ExplainTop_HasACeilingToo()
    {
        using var fault = new FaultCase();

        var outcome = fault.Run("explain", "--model", FaultCase.ShippedModel, "--top", "2000000000", "a fine film");

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, "--top", "at most");
    }
}
