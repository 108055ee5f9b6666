namespace ImdbSentiment.Tests.Faults;

/// <summary>Issue 10, item 3: score never replaces its input, whatever path names it, and refuses a file it scored already.</summary>
[TestClass]
public sealed class ScoreOutputFaultTests
{
    private const string Reviews = "id,text\n1,great film\n2,awful film\n";

    [TestMethod]
    [DataRow("reviews.csv")]
    [DataRow("sub/../reviews.csv")]
    [DataRow("./reviews.csv")]
    public void Score_OutputIsTheInput_IsRefusedAndTheInputIsUntouched(string outputSpelling)
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", Reviews);
        Directory.CreateDirectory(fault.PathOf("sub"));

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", Path.Combine(fault.Folder, outputSpelling));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "is the input file", "another file");
        Assert.AreEqual(Reviews, File.ReadAllText(input));
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Score_OutputThroughALinkedFolderOrALinkToTheInput_IsRefused()
    {
        using var fault = new FaultCase();
        var input = fault.Input("data/reviews.csv", Reviews);
        Directory.CreateSymbolicLink(fault.PathOf("linked"), fault.PathOf("data"));
        var fileLink = fault.Remember(File.CreateSymbolicLink(fault.PathOf("link.csv"), input).FullName);

        var viaFolder = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", fault.PathOf("linked/reviews.csv"));
        var viaFileLink = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", fileLink, "--output", input);

        FaultAssert.OneErrorLine(viaFolder, FaultAssert.Failure, "is the input file");
        FaultAssert.OneErrorLine(viaFileLink, FaultAssert.Failure, "is the input file");
        Assert.AreEqual(Reviews, File.ReadAllText(input));
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Score_AFileItScoredAlready_IsRefusedInsteadOfAppendingTheColumnsTwice()
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", Reviews);
        var scored = fault.PathOf("scored.csv");
        var first = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", scored);
        Assert.AreEqual(0, first.ExitCode, first.Error);

        var again = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", scored, "--output", fault.PathOf("twice.csv"));

        FaultAssert.OneErrorLine(again, FaultAssert.Failure, "scored.csv, line 1", "PredictedLabel", "looks scored already");
        fault.AssertOnlyLeft(scored);
    }
}
