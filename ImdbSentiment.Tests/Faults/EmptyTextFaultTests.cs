namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 10, item 8: predict answers every input line in order and keeps its output tab-separated; a review with no
/// words is refused by every command, naming where it is, unless the command's skip flag asks for an empty result.
/// </summary>
[TestClass]
public sealed class EmptyTextFaultTests
{
    private const string NoWords = "is empty or has no words";

    [TestMethod]
    public void Predict_SkipEmpty_AnswersEveryStandardInputLine_BlankOnesIncluded()
    {
        using var fault = new FaultCase();

        var outcome = fault.RunWithInput($"{ReadmeExamples.Positive}\n\n?!...\n{ReadmeExamples.Negative}\n", "predict", "--model", FaultCase.ShippedModel, "--skip-empty");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        var lines = outcome.Output.Split('\n')[..^1];
        Assert.HasCount(4, lines);
        StringAssert.StartsWith(lines[0], "positive\t");
        Assert.AreEqual("empty\t\t", lines[1]);
        Assert.AreEqual("empty\t\t?!...", lines[2]);
        StringAssert.StartsWith(lines[3], "negative\t");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Predict_ABlankStandardInputLine_IsRefusedNamingTheLine_AfterTheLinesBeforeIt()
    {
        using var fault = new FaultCase();

        var outcome = fault.RunWithInput("a wonderful film\n\na dull film\n", "predict", "--model", FaultCase.ShippedModel);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "standard input, line 2", NoWords, "--skip-empty");
        Assert.HasCount(1, outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [TestMethod]
    public void Predict_EscapesTabsLineBreaksAndBackslashesOfTheEchoedReview()
    {
        using var fault = new FaultCase();

        var outcome = fault.Run("predict", "--model", FaultCase.ShippedModel, "great\tfilm\r\nreally \\ great");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        var fields = outcome.Output.TrimEnd('\n').Split('\t');
        Assert.HasCount(3, fields, outcome.Output);
        Assert.AreEqual("great\\tfilm\\r\\nreally \\\\ great", fields[2]);
    }

    [TestMethod]
    public void Predict_APunctuationOnlyArgument_IsRefusedNamingTheArgument()
    {
        using var fault = new FaultCase();

        var outcome = fault.Run("predict", "--model", FaultCase.ShippedModel, "a fine film", "!!! ...");

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "TEXT argument 2", NoWords);
    }

    [TestMethod]
    public void Score_APunctuationOnlyReview_IsRefusedNamingTheLineTheColumnAndTheSkipFlag_OrLeftUnscoredWhenAsked()
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", "id,review\n1,a fine film\n2,?!\n");
        var output = fault.PathOf("scored.csv");

        var refused = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output);
        FaultAssert.OneErrorLine(refused, FaultAssert.Failure, "reviews.csv, line 3", "column 'review'", NoWords, "--skip-empty");
        fault.AssertOnlyLeft();

        var skipped = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output, "--skip-empty");
        Assert.AreEqual(0, skipped.ExitCode, skipped.Error);
        StringAssert.Contains(skipped.Output, "Scored 1 row into");
        StringAssert.Contains(skipped.Output, "1 row with an empty text left unscored");
        Assert.AreEqual("2,?!,,", File.ReadAllLines(output)[2]);
    }

    [TestMethod]
    [DataRow("train")]
    [DataRow("evaluate")]
    public void TrainAndEvaluate_APunctuationOnlyReview_IsRefusedNamingTheLine(string command)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.csv", "label,text\n1,a fine film\n0,...\n");
        string[] arguments = command == "train"
            ? ["train", "--dataset", dataset, "--output", fault.PathOf("never.zip")]
            : ["evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset];

        var outcome = fault.Run(arguments);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "reviews.csv, line 3", "column 'text'", NoWords);
        fault.AssertOnlyLeft();
    }
}
