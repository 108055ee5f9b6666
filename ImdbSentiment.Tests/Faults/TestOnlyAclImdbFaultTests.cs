using System.Text.Json;

namespace ImdbSentiment.Tests.Faults;

/// <summary>Issue 23, item 13: evaluate reads an aclImdb folder or archive that holds only test/, as documented.</summary>
[TestClass]
public sealed class TestOnlyAclImdbFaultTests
{
    private static readonly (string, string)[] TestOnly =
    [
        ("aclImdb/test/pos/0_10.txt", "Superb acting, loved it."), ("aclImdb/test/pos/1_9.txt", "A wonderful, moving film."),
        ("aclImdb/test/neg/0_1.txt", "Awful. The worst film I have seen."),
    ];

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Evaluate_OnADataSetOfTestOnly_EvaluatesTheTestSplit(bool archive)
    {
        using var fault = new FaultCase();
        var dataset = fault.InputAclImdb(archive ? "test-only.tar.gz" : "test-only", archive, TestOnly);

        var outcome = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.AreEqual("test", json.RootElement.GetProperty("split").GetString());
        Assert.AreEqual(3, json.RootElement.GetProperty("count").GetInt32());
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_OnADataSetOfTestOnly_SaysThereIsNoTrainSplit()
    {
        using var fault = new FaultCase();
        var dataset = fault.InputAclImdb("test-only.tar.gz", archive: true, TestOnly);

        var outcome = fault.Run("train", "--dataset", dataset, "--output", fault.PathOf("never.zip"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "test-only.tar.gz", "'train' split", "complete splits found: test");
        fault.AssertOnlyLeft();
    }
}
