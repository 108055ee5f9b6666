namespace ImdbSentiment.Tests.Faults;

/// <summary>Issue 12, item 3: score with several inputs refuses what it cannot do in one "error:" line, and leaves only complete outputs.</summary>
[TestClass]
public sealed class BatchScoreFaultTests
{
    private const string Reviews = "id,text\n1,great film\n2,awful film\n";

    [TestMethod]
    [DataRow(new[] { "--input", "in/a.csv", "in/b.csv", "--output", "o.csv" }, "--output names one file, but --input gives 2 inputs", "--output-dir")]
    [DataRow(new[] { "--input", "in", "--output", "o.csv" }, "--input gives the folder or pattern", "--output-dir")]
    [DataRow(new[] { "--input", "in/*.csv", "--output", "o.csv" }, "--input gives the folder or pattern", "--output-dir")]
    [DataRow(new[] { "--input", "in/a.csv", "--output", "o.csv", "--output-dir", "out" }, "cannot be given together", "--output-dir")]
    [DataRow(new[] { "--input", "in/a.csv" }, "score needs --output FILE", "--output-dir DIR")]
    [DataRow(new[] { "--input", "in/a.csv", "--output", "o.csv", "--shard", "0/2" }, "--shard", "needs --output-dir")]
    [DataRow(new[] { "--input", "in", "--output-dir", "out", "--shard", "2/2" }, "--shard 2/2", "the shards of 2 are 0/2 to 1/2")]
    [DataRow(new[] { "--input", "in", "--output-dir", "out", "--shard", "1-of-2" }, "--shard 1-of-2", "expected INDEX/COUNT")]
    public void AnOutputOrShardFlagThatDoesNotFit_IsAUsageError(string[] arguments, string expected, string alsoExpected)
    {
        using var fault = new FaultCase();
        fault.Input("in/a.csv", Reviews);
        fault.Input("in/b.csv", Reviews);

        // In the case's folder, so that the relative paths are its own.
        using var score = new RunningCommand(fault, ["score", "--model", FaultCase.ShippedModel, .. arguments]);
        var outcome = score.WaitForExit();

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, expected, alsoExpected, "see 'imdb-sentiment score --help'");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void TwoInputsWithOneFileName_AreRefused_NamingBoth()
    {
        using var fault = new FaultCase();
        var first = fault.Input("x/reviews.csv", Reviews);
        var second = fault.Input("y/reviews.csv", Reviews);

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", first, second, "--output-dir", fault.PathOf("out"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "same file name reviews.csv", first, second);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void AnOutputFolderThatHoldsTheInputs_IsRefused()
    {
        using var fault = new FaultCase();
        var input = fault.Input("in/a.csv", Reviews);

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("in"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "holds the input", input, "another folder");
        Assert.AreEqual(Reviews, File.ReadAllText(input));
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void ABadInput_StopsTheRun_NamingItsLine_AndTheOutputsBeforeItStayComplete()
    {
        using var fault = new FaultCase();
        fault.Input("in/a.csv", Reviews);
        fault.Input("in/b.csv", "id,text\n1,fine film\n2,too,many\n");
        fault.Input("in/c.csv", Reviews);

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("out"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "b.csv, line 3", "expected 2 fields");
        StringAssert.Contains(outcome.Output, "Scored 2 rows into " + fault.PathOf("out/a.csv"));
        fault.AssertOnlyLeft(fault.PathOf("out/a.csv"));
    }
}
