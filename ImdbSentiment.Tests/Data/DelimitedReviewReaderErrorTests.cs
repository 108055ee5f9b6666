using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class DelimitedReviewReaderErrorTests
{
    private const string FileName = "bad-reviews.csv";

    private static DataFormatException ReadFails(string content, DelimitedFileOptions? options = null)
    {
        using var fixtures = new DataFixtures();
        var path = fixtures.WriteText(FileName, content);
        var error = Assert.ThrowsExactly<DataFormatException>(() => DelimitedReviewReader.Read(path, options));
        Assert.AreEqual(path, error.FilePath);
        Assert.Contains(FileName, error.Message);
        return error;
    }

    private static void AssertAt(DataFormatException error, long line, params string[] expectedParts)
    {
        Assert.AreEqual(line, error.Line);
        Assert.Contains($"{FileName}, line {line}: ", error.Message);
        foreach (var part in expectedParts)
            Assert.Contains(part, error.Message);
    }

    [TestMethod]
    public void UnknownLabel_QuotesTheValueAndListsTheAcceptedOnes() =>
        AssertAt(ReadFails("label,text\n1,Loved it\nmaybe,Not sure\n"), 3,
            "the label \"maybe\" in column 'label' is not a label value", "expected one of 0/1, false/true, negative/positive, neg/pos");

    [TestMethod]
    public void UnknownLabel_AfterAQuotedMultiLineText_ReportsTheLineItStartsOn() =>
        AssertAt(ReadFails("label,text\n1,\"one\ntwo\r\nthree\"\n0,\"four\nfive\"\n2,Bad label\n"), 7, "\"2\"");

    [TestMethod]
    public void LabelColumnName_NotInTheHeader_ListsTheHeader() =>
        AssertAt(ReadFails("id,text\n1,Loved it\n", new DelimitedFileOptions { LabelColumn = "sentiment" }), 1,
            "the label column 'sentiment' is not in the header", "'id', 'text'");

    [TestMethod]
    public void TextColumnName_NotInTheHeader_ListsTheHeader() =>
        AssertAt(ReadFails("label,body,extra\n1,Loved it,x\n", new DelimitedFileOptions { TextColumn = "review" }), 1,
            "the text column 'review' is not in the header", "'label', 'body', 'extra'");

    [TestMethod]
    public void ColumnIndex_BeyondTheFields_SaysHowManyThereAre() =>
        AssertAt(ReadFails("1,Loved it\n", new DelimitedFileOptions { LabelColumn = "0", TextColumn = "5" }), 1,
            "the text column index 5 is beyond the 2 fields of the record", "expected a 0-based index below 2");

    [TestMethod]
    public void ColumnName_WithoutAHeader_AsksForAnIndex() =>
        AssertAt(ReadFails("1,Loved it\n", new DelimitedFileOptions { HasHeader = false, LabelColumn = "label" }), 1,
            "the label column 'label' is a name, which needs a header row", "give a 0-based column index");

    [TestMethod]
    public void NoLabelColumn_InAHeaderWithoutAUsualName_AsksForOne() =>
        AssertAt(ReadFails("stars,comment\n1,Loved it\n"), 1,
            "no label column is given and the header has none named label or sentiment", "'stars', 'comment'");

    [TestMethod]
    public void NoTextColumn_AmongMoreThanTwoColumns_AsksForOne() =>
        AssertAt(ReadFails("label,title,body\n1,Nice,Loved it\n"), 1, "no text column is given and the record has 3 fields", "set the text column");

    [TestMethod]
    public void SameColumn_ForLabelAndText_IsRejected() =>
        AssertAt(ReadFails("label,text\n1,Loved it\n", new DelimitedFileOptions { LabelColumn = "text", TextColumn = "1" }), 1,
            "the label and the text are both column 'text'");

    [TestMethod]
    [DataRow("label,text\n1,Loved it\n0,Hated,it\n", 3, "expected 2 fields, as in the first record, but found 3")]
    [DataRow("label\ttext\textra\n1\tLoved it\tx\n0\tHated it\n", 3, "expected 3 fields, as in the first record, but found 2")]
    public void WrongFieldCount_SaysHowManyWereExpected(string content, int line, string expected) =>
        AssertAt(ReadFails(content), line, expected);

    [TestMethod]
    public void TextAfterAClosingQuote_IsAMalformedField() =>
        AssertAt(ReadFails("label,text\n1,Loved it\n0,\"Hated\" it\n"), 3, "closing quote of field 2 must be followed by a comma ','");

    [TestMethod]
    public void UnterminatedQuote_IsAMalformedField() =>
        AssertAt(ReadFails("label,text\n1,Loved it\n0,\"Hated it\n1,Fine\n"), 3, "opens a quote that is never closed", "expected a closing '\"'");

    [TestMethod]
    [DataRow("label,text\n1,Loved it\n0,\n", 3)]
    [DataRow("label,text\n1,Loved it\n0,\"  \"\n", 3)]
    [DataRow("label;text\n1;\n", 2)]
    public void EmptyText_IsRejected(string content, int line) =>
        AssertAt(ReadFails(content), line, "the review text in column 'text' is empty", "expected the text of a review");

    [TestMethod]
    [DataRow("", null)]
    [DataRow("\n\r\n\n", null)]
    [DataRow("", ',')]
    public void EmptyFile_IsRejected(string content, char? separator)
    {
        var error = ReadFails(content, new DelimitedFileOptions { Separator = separator });

        Assert.IsNull(error.Line);
        Assert.Contains("the file is empty", error.Message);
    }

    [TestMethod]
    public void HeaderOnly_IsRejected() =>
        Assert.Contains("the file has a header but no reviews", ReadFails("label,text\n").Message);

    [TestMethod]
    public void MissingFile_NamesThePath()
    {
        using var fixtures = new DataFixtures();
        var path = fixtures.PathOf("absent.csv");

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => DelimitedReviewReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.AreEqual(path, error.FileName);
    }

    [TestMethod]
    public void SkipBadRows_CountsAndSkipsEachBadRow()
    {
        using var fixtures = new DataFixtures();
        var path = fixtures.WriteText(FileName, "label,text\n1,Loved it\nmaybe,Not sure\n0,Too,many\n0,\"\"\n0,\"Hated\nit\"\nyes,no\n");

        var result = DelimitedReviewReader.Read(path, new DelimitedFileOptions { SkipBadRows = true });

        Assert.HasCount(2, result.Reviews);
        Assert.AreEqual("Loved it", result.Reviews[0].Text);
        Assert.AreEqual("Hated\nit", result.Reviews[1].Text);
        Assert.AreEqual(4, result.SkippedRows);
        CollectionAssert.AreEqual(new long?[] { 3, 4, 5, 8 }, result.SkippedRowErrors.Select(e => e.Line).ToArray());
        Assert.Contains("\"maybe\"", result.SkippedRowErrors[0].Message);
        Assert.Contains("found 3", result.SkippedRowErrors[1].Message);
        Assert.Contains("is empty", result.SkippedRowErrors[2].Message);
        Assert.Contains("\"yes\"", result.SkippedRowErrors[3].Message);
    }

    [TestMethod]
    public void SkipBadRows_StillStopsAtMalformedQuoting() =>
        AssertAt(ReadFails("label,text\nmaybe,x\n1,\"Loved\"it\n", new DelimitedFileOptions { SkipBadRows = true }), 3, "closing quote");

    [TestMethod]
    public void SkipBadRows_WithNoGoodRowLeft_IsAnError()
    {
        var error = ReadFails("label,text\nmaybe,x\n0,\n", new DelimitedFileOptions { SkipBadRows = true });

        Assert.IsNull(error.Line);
        Assert.Contains("no usable reviews: all 2 rows were skipped", error.Message);
        Assert.Contains("line 2", error.Message);
    }
}
