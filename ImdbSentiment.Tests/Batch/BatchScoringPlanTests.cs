using ImdbSentiment.Model.Batch;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Batch;

[TestClass]
public sealed class BatchScoringPlanTests
{
    private readonly DataFixtures _files = new();

    [TestCleanup]
    public void Cleanup() => _files.Dispose();

    [TestMethod]
    public void AnInputWhoseOutputExists_IsComplete_AndNotPending()
    {
        var inputs = Inputs("a.csv", "b.csv", "c.csv");
        _files.WriteText("out/b.csv", "text,PredictedLabel,Probability\nfine,true,0.9\n");

        var plan = BatchScoringPlan.Create(inputs, _files.PathOf("out"), Shard.All);

        CollectionAssert.AreEqual(new[] { false, true, false }, plan.Items.Select(item => item.Complete).ToArray());
        CollectionAssert.AreEqual(new[] { "a.csv", "c.csv" }, plan.Pending.Select(item => Path.GetFileName(item.Input)).ToArray());
        CollectionAssert.AreEqual(new[] { _files.PathOf("out/a.csv"), _files.PathOf("out/b.csv"), _files.PathOf("out/c.csv") }, plan.Items.Select(item => item.Output).ToArray());
    }

    [TestMethod]
    public void TheShardsPlans_SplitTheInputs_AndAnAddedInputMovesNoOtherOne()
    {
        var inputs = Inputs([.. Enumerable.Range(0, 30).Select(i => $"part-{i}.csv")]);
        var before = Enumerable.Range(0, 3).Select(i => BatchScoringPlan.Create(inputs, _files.PathOf("out"), Shard.Parse($"{i}/3"))).ToList();

        var taken = before.SelectMany(plan => plan.Items.Select(item => item.Input)).ToList();
        CollectionAssert.AreEquivalent(inputs.ToList(), taken);
        Assert.IsTrue(before.All(plan => plan.InputCount == 30));

        var added = Inputs([.. Enumerable.Range(0, 30).Select(i => $"part-{i}.csv"), "part-0b.csv"]);
        for (var i = 0; i < 3; i++)
        {
            var after = BatchScoringPlan.Create(added, _files.PathOf("out"), Shard.Parse($"{i}/3")).Items.Select(item => item.Input).Where(inputs.Contains);
            CollectionAssert.AreEqual(before[i].Items.Select(item => item.Input).ToList(), after.ToList());
        }
    }

    [TestMethod]
    public void AnOutputFolderThatHoldsAnInput_OrIsAFile_IsRefused()
    {
        var inputs = Inputs("a.csv");
        var file = _files.WriteText("a-file", "");

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => BatchScoringPlan.Create(inputs, _files.PathOf("in"), Shard.All)).Message, "holds the input");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => BatchScoringPlan.Create(inputs, file, Shard.All)).Message, "is a file");
    }

    private string[] Inputs(params string[] names) => [.. names.Select(name => _files.WriteText($"in/{name}", "text\nfine\n"))];
}
