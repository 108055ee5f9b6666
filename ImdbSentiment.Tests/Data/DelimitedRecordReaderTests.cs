using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class DelimitedRecordReaderTests
{
    internal static List<DelimitedRecord> ReadAll(string text, char separator = ',', DelimitedQuoting quoting = DelimitedQuoting.Rfc4180)
    {
        using var reader = new DelimitedRecordReader(new StringReader(text), separator, "input.csv", quoting, keepText: true);
        return reader.ReadRecords().ToList();
    }

    internal static void AssertRecord(DelimitedRecord record, long line, params string[] fields)
    {
        Assert.AreEqual(line, record.Line);
        CollectionAssert.AreEqual(fields, record.Fields);
    }

    [TestMethod]
    public void PlainRecords_SplitOnTheSeparator_WithTheirLines()
    {
        var records = ReadAll("a,b,c\n1,,3\nx,y,\n");

        Assert.HasCount(3, records);
        AssertRecord(records[0], 1, "a", "b", "c");
        AssertRecord(records[1], 2, "1", "", "3");
        AssertRecord(records[2], 3, "x", "y", "");
    }

    [TestMethod]
    public void QuotedFields_KeepSeparatorsDoubledQuotesAndLineBreaks()
    {
        var records = ReadAll("1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"line one\nline two\r\nline three\"\n4,\"\"\n5,last");

        Assert.HasCount(5, records);
        AssertRecord(records[0], 1, "1", "a, b");
        AssertRecord(records[1], 2, "2", "say \"hi\"");
        AssertRecord(records[2], 3, "3", "line one\nline two\r\nline three");
        AssertRecord(records[3], 6, "4", "");
        AssertRecord(records[4], 7, "5", "last");
    }

    [TestMethod]
    public void LineEnds_CrLfLfAndCr_AreAllRecordEnds()
    {
        var records = ReadAll("a\tb\r\nc\td\ne\tf\rg\th\r\n", '\t');

        Assert.HasCount(4, records);
        AssertRecord(records[0], 1, "a", "b");
        AssertRecord(records[1], 2, "c", "d");
        AssertRecord(records[2], 3, "e", "f");
        AssertRecord(records[3], 4, "g", "h");
    }

    [TestMethod]
    public void BlankLines_HoldNoRecord_ButCountAsLines()
    {
        var records = ReadAll("\n\na;b\r\n\r\nc;d\n\n", ';');

        Assert.HasCount(2, records);
        AssertRecord(records[0], 3, "a", "b");
        AssertRecord(records[1], 5, "c", "d");
    }

    [TestMethod]
    public void QuoteInsideAnUnquotedField_IsAPlainCharacter() =>
        AssertRecord(ReadAll("5\" screen,ok\n")[0], 1, "5\" screen", "ok");

    [TestMethod]
    public void FieldsLongerThanTheReadBuffer_AreReadWhole()
    {
        var longText = string.Concat(Enumerable.Repeat("word, \"quoted\"\n", 20_000));
        var unquoted = new string('x', 150_000);

        var records = ReadAll($"1,\"{longText.Replace("\"", "\"\"")}\"\n0,{unquoted}\n");

        Assert.HasCount(2, records);
        Assert.AreEqual(longText, records[0].Fields[1]);
        AssertRecord(records[1], 20_002, "0", unquoted);
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Open_ReadsUtf8WithOrWithoutByteOrderMark(bool byteOrderMark)
    {
        using var fixtures = new DataFixtures();
        var path = fixtures.WriteText("reviews.csv", "label,text\n1,Amélie – ★★★★★\n", byteOrderMark);

        using var reader = DelimitedRecordReader.Open(path, ',');
        var records = reader.ReadRecords().ToList();

        AssertRecord(records[0], 1, "label", "text");
        AssertRecord(records[1], 2, "1", "Amélie – ★★★★★");
    }

    [TestMethod]
    public void TextAfterAClosingQuote_NamesTheSourceLineAndWhatWasExpected()
    {
        var error = Assert.ThrowsExactly<DataFormatException>(() => ReadAll("a,b\n1,\"two\nlines\"x,c\n"));

        Assert.AreEqual("input.csv", error.FilePath);
        Assert.AreEqual(2L, error.Line);
        Assert.Contains("input.csv, line 2:", error.Message);
        Assert.Contains("field 2 opens a quote that is not closed on line 2: the quote on line 3 was read as its closing quote", error.Message);
        Assert.Contains("expected a comma ',' or the end of the line after a closing quote", error.Message);
        Assert.Contains("'x' follows it", error.Message);
    }

    [TestMethod]
    public void UnterminatedQuote_NamesTheLineWhereTheRecordStarts()
    {
        var error = Assert.ThrowsExactly<DataFormatException>(() => ReadAll("a\tb\n1\t\"never\nclosed\n", '\t'));

        Assert.AreEqual(2L, error.Line);
        Assert.Contains("input.csv, line 2:", error.Message);
        Assert.Contains("field 2 opens a quote that is never closed", error.Message);
        Assert.Contains("expected a closing '\"' before the end of the file", error.Message);
    }

    [TestMethod]
    [DataRow('"')]
    [DataRow('\n')]
    [DataRow('\r')]
    public void QuoteOrLineBreakSeparator_IsRejected(char separator) =>
        Assert.ThrowsExactly<ArgumentException>(() => new DelimitedRecordReader(new StringReader(""), separator, "x"));
}
