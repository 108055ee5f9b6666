using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training.Fitting;

namespace ImdbSentiment.Tests.Cli;

[TestClass]
public sealed class NameTableTests
{
    [TestMethod]
    public void Names_RoundTrip_AnyCase()
    {
        var table = NetworkOptimizerNames.Table;
        foreach (var value in Enum.GetValues<NetworkOptimizer>())
        {
            Assert.AreEqual(value, table.Parse(table.NameOf(value)));
            Assert.AreEqual(value, table.Parse(table.NameOf(value).ToUpperInvariant()));
        }
        CollectionAssert.AreEqual(new[] { "rmsprop", "adam" }, table.Names.ToArray());
    }

    [TestMethod]
    public void AnUnknownName_IsRefused_ListingTheNames()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => SequenceSideNames.Table.Parse("middle"));
        StringAssert.Contains(error.Message, "'middle'");
        StringAssert.Contains(error.Message, "pre, post");
    }

    [TestMethod]
    public void ATableMissingAValue_IsRefused()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new NameTable<SequenceSide>((SequenceSide.Pre, "pre")));
        StringAssert.Contains(error.Message, "Post");
    }
}
