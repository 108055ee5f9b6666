using ImdbSentiment.Model.Batch;

namespace ImdbSentiment.Tests.Batch;

[TestClass]
public sealed class ShardTests
{
    private static readonly string[] Names = [.. Enumerable.Range(0, 500).Select(i => $"part-{i:D5}.csv"), "reviews.tsv", "ünïcödé.csv", "a b.txt"];

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(7)]
    public void TheShardsOfN_TakeEveryInput_ExactlyOnce(int count)
    {
        var shards = Enumerable.Range(0, count).Select(i => Shard.Parse($"{i}/{count}")).ToList();

        foreach (var name in Names)
            Assert.AreEqual(1, shards.Count(shard => shard.Takes(name)), name);
    }

    [TestMethod]
    public void ManyInputs_AreSpreadOverEveryShard()
    {
        var counts = Enumerable.Range(0, 4).Select(i => Names.Count(Shard.Parse($"{i}/4").Takes)).ToList();

        // 503 names: a hash that ignored the digits (or mixed them badly) would leave shards empty or lopsided.
        Assert.IsTrue(counts.All(count => count > 80), string.Join(", ", counts));
    }

    [TestMethod]
    public void AnInputsShard_DependsOnItsFileNameAlone_AsThePythonOneLinerInTheReadmeComputesIt()
    {
        // python3 -c "import hashlib; print(int(hashlib.sha256(b'part-1.csv').hexdigest()[:16], 16) % 3)" prints 1.
        Assert.IsTrue(Shard.Parse("1/3").Takes("part-1.csv"));
        Assert.IsTrue(Shard.Parse("2/3").Takes("part-3.csv"));
    }

    [TestMethod]
    [DataRow("0/1", 0, 1)]
    [DataRow("3/4", 3, 4)]
    [DataRow("10/64", 10, 64)]
    public void Parse_ReadsIndexSlashCount(string text, int index, int count)
    {
        var shard = Shard.Parse(text);

        Assert.AreEqual(index, shard.Index);
        Assert.AreEqual(count, shard.Count);
        Assert.AreEqual(text, shard.ToString());
    }

    [TestMethod]
    [DataRow("4/4", "the shards of 4 are 0/4 to 3/4")]
    [DataRow("1/1", "the only shard of 1 is 0/1")]
    [DataRow("0/0", "COUNT of at least 1")]
    [DataRow("-1/4", "INDEX/COUNT")]
    [DataRow("1", "INDEX/COUNT")]
    [DataRow("1/2/3", "INDEX/COUNT")]
    [DataRow("a/4", "INDEX/COUNT")]
    [DataRow(" 1/4", "INDEX/COUNT")]
    public void Parse_RefusesWhatIsNotAShard_SayingWhatWasExpected(string text, string expected)
    {
        Assert.IsFalse(Shard.TryParse(text, out _, out var problem));
        StringAssert.Contains(problem, expected);
        Assert.ThrowsExactly<FormatException>(() => Shard.Parse(text));
    }
}
