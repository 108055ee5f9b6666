using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

/// <summary>
/// Lenient quoting (the default for tab-separated files): a quote encloses a field only when the whole field is a
/// complete quoted field; otherwise the field is plain text to the next separator or line break.
/// </summary>
[TestClass]
public sealed class LenientQuotingTests
{
    private static List<DelimitedRecord> ReadAll(string text, DelimitedQuoting quoting = DelimitedQuoting.Lenient) =>
        DelimitedRecordReaderTests.ReadAll(text, '\t', quoting);

    private static void AssertRecord(DelimitedRecord record, long line, params string[] fields) => DelimitedRecordReaderTests.AssertRecord(record, line, fields);

    [TestMethod]
    public void AFieldThatBeginsWithAQuotedTitle_IsPlainText()
    {
        var records = ReadAll("1\t\"Kung Fu Panda\" is great\n0\tdull\n");

        AssertRecord(records[0], 1, "1", "\"Kung Fu Panda\" is great");
        AssertRecord(records[1], 2, "0", "dull");
    }

    [TestMethod]
    public void ACompleteQuotedField_IsQuoted_AsInRfc4180()
    {
        var records = ReadAll("1\t\"a \"\"great\"\"\tfilm\nloved it\"\n0\t\"dull\"\n");

        AssertRecord(records[0], 1, "1", "a \"great\"\tfilm\nloved it");
        AssertRecord(records[1], 3, "0", "dull");
    }

    [TestMethod]
    public void AQuoteNeverClosed_IsPlainText_AndTheLinesAfterItAreRecords()
    {
        var records = ReadAll("1\t\"never closed\n0\tdull\n1\tfine\n");

        Assert.HasCount(3, records);
        AssertRecord(records[0], 1, "1", "\"never closed");
        AssertRecord(records[1], 2, "0", "dull");
        AssertRecord(records[2], 3, "1", "fine");
    }

    [TestMethod]
    public void AQuoteWhoseClosingQuoteOnALaterLineIsFollowedByText_IsPlainText()
    {
        var records = ReadAll("1\t\"an opening quote\n0\ta \"title\" later\n");

        AssertRecord(records[0], 1, "1", "\"an opening quote");
        AssertRecord(records[1], 2, "0", "a \"title\" later");
    }

    [TestMethod]
    public void WithoutQuoting_EveryQuoteIsPlainText()
    {
        var records = ReadAll("\"a\tb\"\n", DelimitedQuoting.None);

        AssertRecord(records[0], 1, "\"a", "b\"");
    }

    [TestMethod]
    public void EachRecordsText_IsKeptAsItStood()
    {
        var records = ReadAll("1\t\"quoted\"\r\n0\t\"Kung Fu\" Panda\n");

        Assert.AreEqual("1\t\"quoted\"", records[0].Text);
        Assert.AreEqual("0\t\"Kung Fu\" Panda", records[1].Text);
    }

    [TestMethod]
    public void ByDefault_TabSeparatedFilesAreLenient_OthersRfc4180()
    {
        Assert.AreEqual(DelimitedQuoting.Lenient, DelimitedQuotingNames.Default('\t'));
        Assert.AreEqual(DelimitedQuoting.Rfc4180, DelimitedQuotingNames.Default(','));
        Assert.AreEqual(DelimitedQuoting.Rfc4180, DelimitedQuotingNames.Default(';'));
    }
}
