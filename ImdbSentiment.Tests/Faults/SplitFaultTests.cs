using System.Text.Json;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 10, items 7 and 12 (evaluate's part): an aclImdb test/ split with a class missing is an error, not a reason
/// to evaluate train/ instead; evaluate --json says what it evaluated and how many rows it skipped.
/// </summary>
[TestClass]
public sealed class SplitFaultTests
{
    private static readonly (string, string)[] Train =
    [
        ("aclImdb/train/pos/0_9.txt", "A wonderful, moving film."), ("aclImdb/train/neg/0_2.txt", "A dull, boring waste of time."),
    ];

    private static readonly (string, string)[] PositiveTestOnly = [("aclImdb/test/pos/0_10.txt", "Superb acting, loved it.")];

    private static readonly (string, string)[] NegativeTest = [("aclImdb/test/neg/0_1.txt", "Awful. The worst film I have seen.")];

    [TestMethod]
    [DataRow("evaluate", true)]
    [DataRow("evaluate", false)]
    [DataRow("train", true)]
    public void ATestSplitWithAClassMissing_IsAnError(string command, bool archive)
    {
        using var fault = new FaultCase();
        var dataset = Write(fault, archive, [.. Train, .. PositiveTestOnly]);
        string[] arguments = command == "train"
            ? ["train", "--dataset", dataset, "--output", fault.PathOf("never.zip")]
            : ["evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json"];

        var outcome = fault.Run(arguments);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "'test' split", "aclImdb/test/neg/*.txt");
        Assert.AreEqual("", outcome.Output, "no metrics of another split");
    }

    [TestMethod]
    [DataRow(true, "test", 2)]
    [DataRow(false, "train", 2)]
    public void EvaluateJson_NamesTheDataSetAndTheSplitItEvaluated(bool withTest, string split, int count)
    {
        using var fault = new FaultCase();
        var dataset = Write(fault, archive: true, withTest ? [.. Train, .. PositiveTestOnly, .. NegativeTest] : Train);

        var outcome = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.AreEqual(split, json.RootElement.GetProperty("split").GetString());
        Assert.AreEqual(dataset, json.RootElement.GetProperty("dataset").GetString());
        Assert.AreEqual(count, json.RootElement.GetProperty("count").GetInt32());
    }

    [TestMethod]
    public void EvaluateJson_CountsTheRowsItSkipped()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.csv", "label,text\n1,a wonderful film\nmaybe,not sure\n0,a dull film\n,\n");

        var outcome = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--skip-bad-rows", "--json");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.AreEqual(2, json.RootElement.GetProperty("count").GetInt32());
        Assert.AreEqual(2, json.RootElement.GetProperty("skippedRows").GetInt32());
        Assert.AreEqual(JsonValueKind.Null, json.RootElement.GetProperty("split").ValueKind);
    }

    private static string Write(FaultCase fault, bool archive, (string, string)[] entries) =>
        fault.InputAclImdb(archive ? "aclImdb.tar.gz" : "aclImdb-folder", archive, entries);
}
