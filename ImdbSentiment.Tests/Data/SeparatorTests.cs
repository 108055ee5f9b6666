using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class SeparatorTests
{
    [TestMethod]
    [DataRow("comma", ',')]
    [DataRow("COMMA", ',')]
    [DataRow(" Tab ", '\t')]
    [DataRow("semicolon", ';')]
    [DataRow(",", ',')]
    [DataRow("\t", '\t')]
    [DataRow("\\t", '\t')]
    [DataRow(";", ';')]
    public void Parse_AcceptsNamesAndCharacters(string value, char expected) =>
        Assert.AreEqual(expected, SeparatorNames.Parse(value));

    [TestMethod]
    [DataRow("pipe")]
    [DataRow("|")]
    [DataRow("")]
    public void Parse_UnknownValue_NamesItAndTheAcceptedOnes(string value)
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => SeparatorNames.Parse(value));
        Assert.Contains($"'{value}'", error.Message);
        Assert.Contains("comma, tab or semicolon", error.Message);
        Assert.IsFalse(SeparatorNames.TryParse(value, out _));
    }

    [TestMethod]
    [DataRow("label\ttext", '\t')]
    [DataRow("1\tNice, really; nice", '\t')]
    [DataRow("label;text", ';')]
    [DataRow("label,text", ',')]
    [DataRow("1,\"good; very; good\"", ',')]
    [DataRow("\"good, very, good\";1", ';')]
    [DataRow("a;b,c;d", ';')]
    [DataRow("text", ',')]
    [DataRow("\"an opening quote never closed\t1", '\t')]
    [DataRow("\"a quoted field, that goes on\t1", '\t')]
    [DataRow("1,\"a quoted field\tthat goes on", ',')]
    public void Detect_CountsSeparatorsOutsideQuotes(string firstLine, char expected) =>
        Assert.AreEqual(expected, SeparatorDetector.Detect(firstLine));
}
