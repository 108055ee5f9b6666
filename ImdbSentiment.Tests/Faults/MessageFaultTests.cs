namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 10, item 13: every failure is one "error:" line naming the flag, file, line or field and what was expected,
/// without C# names; usage errors exit with 2 and print no help; counts agree with their nouns.
/// </summary>
[TestClass]
public sealed class MessageFaultTests
{
    [TestMethod]
    [DataRow(new[] { "train", "--epochs", "abc" }, "--epochs", "as a whole number")]
    [DataRow(new[] { "score", "--model", "m.zip", "--output", "o.csv" }, "--input", "is required")]
    [DataRow(new[] { "score", "--model", "m.zip", "--input", "i.csv", "--output", "o.csv", "--no-such-flag" }, "--no-such-flag", "Unrecognized")]
    [DataRow(new[] { "evaluate" }, "--model", "--dataset")]
    public void AFlagThatDoesNotParse_IsOneErrorLineWithExitCode2_AndNoHelp(string[] arguments, string flag, string expected)
    {
        using var fault = new FaultCase();

        var outcome = fault.Run(arguments);

        var line = FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, flag, expected, $"see 'imdb-sentiment {arguments[0]} --help'");
        Assert.DoesNotContain("System.", line);
        Assert.AreEqual("", outcome.Output, "no help text on standard output");
    }

    [TestMethod]
    [DataRow(new[] { "--vocab-size", "2" }, "--vocab-size", "must be more than 3", "got 2")]
    [DataRow(new[] { "--threads", "0" }, "--threads", "must be at least 1", null)]
    [DataRow(new[] { "--model", "onehot-rnn", "--layers", "2" }, "--layers is 2", "choose lstm or gru", null)]
    public void AnOutOfRangeTrainingSetting_NamesTheFlag_NotTheProperty(string[] settings, string flag, string expected, string? actual)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.csv", "label,text\n1,a fine film\n0,a dull film\n");

        var outcome = fault.Run(["train", "--dataset", dataset, "--output", fault.PathOf("never.zip"), .. settings]);

        var line = FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, flag, expected);
        if (actual is not null)
            StringAssert.Contains(line, actual);
        foreach (var csharp in new[] { "Parameter", "Actual value", "VocabularySize", "Threads ", "Layers" })
            Assert.DoesNotContain(csharp, line);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void AnOutputThatCannotBeWritten_IsNamedAsGiven_NotAsTheHiddenTemporaryFile()
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", "text\na fine film\n");
        var directory = fault.PathOf("a-folder");
        Directory.CreateDirectory(directory);

        var intoADirectory = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", directory);
        var underAFile = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", Path.Combine(input, "scored.csv"));

        var first = FaultAssert.OneErrorLine(intoADirectory, FaultAssert.Failure, $"{directory}: could not be written");
        var second = FaultAssert.OneErrorLine(underAFile, FaultAssert.Failure, $"{Path.Combine(input, "scored.csv")}: could not be written");
        Assert.DoesNotContain(".tmp", first);
        Assert.DoesNotContain(".tmp", second);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void AQuoteThatIsNeverClosed_IsCalledThat_NotTheNextLinesClosingQuote()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.csv", "label,text\n1,\"a fine film\n0,\"dull\" and slow\n");

        var outcome = fault.Run("train", "--dataset", dataset, "--output", fault.PathOf("never.zip"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "reviews.csv, line 2", "field 2 opens a quote that is not closed on line 2",
            "the quote on line 3 was read as its closing quote");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void OneEpoch_AndOneRow_AreSingular()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", string.Concat(SyntheticReviews.Create(100, seed: 6).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));
        var input = fault.Input("one.csv", "text\na fine film\n");

        var trained = fault.Run("train", "--dataset", dataset, "--vocab-size", "20", "--max-length", "10", "--epochs", "1", "--output", fault.PathOf("out/model.zip"));
        var scored = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", fault.PathOf("scored.csv"));

        Assert.AreEqual(0, trained.ExitCode, trained.Error);
        StringAssert.Contains(trained.Output, "Training ran all 1 epoch in");
        StringAssert.Contains(scored.Output, "Scored 1 row into");
    }
}
