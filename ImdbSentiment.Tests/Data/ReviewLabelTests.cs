using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class ReviewLabelTests
{
    [TestMethod]
    [DataRow("1", true)]
    [DataRow("0", false)]
    [DataRow("true", true)]
    [DataRow("False", false)]
    [DataRow("TRUE", true)]
    [DataRow("positive", true)]
    [DataRow("Negative", false)]
    [DataRow("POSITIVE", true)]
    [DataRow("pos", true)]
    [DataRow("NEG", false)]
    [DataRow("  Pos\t", true)]
    [DataRow(" 0 ", false)]
    public void TryParse_AcceptsEverySpellingInAnyCase(string value, bool expected)
    {
        Assert.IsTrue(ReviewLabel.TryParse(value, out var label));
        Assert.AreEqual(expected, label);
    }

    [TestMethod]
    [DataRow("2")]
    [DataRow("-1")]
    [DataRow("yes")]
    [DataRow("positively")]
    [DataRow("")]
    [DataRow("  ")]
    [DataRow(null)]
    public void TryParse_RejectsOtherValues(string? value) => Assert.IsFalse(ReviewLabel.TryParse(value, out _));

    [TestMethod]
    public void AcceptedValues_ListsEverySpelling() =>
        Assert.AreEqual("0/1, false/true, negative/positive, neg/pos (any case)", ReviewLabel.AcceptedValues);
}
