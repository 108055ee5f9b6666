using System.Text;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class DelimitedRecordWriterTests
{
    private static string Write(char separator, params string[][] records)
    {
        var text = new StringWriter();
        using (var writer = new DelimitedRecordWriter(text, separator))
        {
            foreach (var record in records)
                writer.WriteRecord(record);
        }
        return text.ToString();
    }

    [TestMethod]
    public void Fields_AreQuotedOnlyWhenTheyHoldTheSeparatorAQuoteOrALineBreak()
    {
        var text = Write(',', ["plain", "a,b", "say \"hi\"", "one\ntwo", "cr\rlf", "tab\there", ""]);

        Assert.AreEqual("plain,\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"cr\rlf\",tab\there,\n", text);
    }

    [TestMethod]
    public void TheSeparatorInUse_DecidesQuoting() =>
        Assert.AreEqual("a,b\t\"c\td\"\n", Write('\t', ["a,b", "c\td"]));

    [TestMethod]
    public void ASingleEmptyField_IsQuotedSoItIsNotABlankLine() =>
        Assert.AreEqual("\"\"\n", Write(',', [""]));

    [TestMethod]
    [DataRow(',')]
    [DataRow('\t')]
    [DataRow(';')]
    public void RecordsReadBack_Identically(char separator)
    {
        string[][] records =
        [
            ["label", "text"],
            ["1", "Great, really; \"great\"\tfilm"],
            ["0", "first line\nsecond line\r\nthird\rfourth"],
            ["1", ""],
            [""],
            ["\"", "\"\""],
            ["0", " spaces kept "],
        ];

        using var reader = new DelimitedRecordReader(new StringReader(Write(separator, records)), separator, "round-trip");
        var readBack = reader.ReadRecords().Select(record => record.Fields).ToList();

        Assert.HasCount(records.Length, readBack);
        for (var i = 0; i < records.Length; i++)
            CollectionAssert.AreEqual(records[i], readBack[i], $"record {i}");
    }

    [TestMethod]
    public void Create_WritesUtf8WithoutByteOrderMark()
    {
        using var fixtures = new DataFixtures();
        var path = fixtures.PathOf("out.csv");

        using (var writer = DelimitedRecordWriter.Create(path, ','))
            writer.WriteRecord("1", "Amélie");

        CollectionAssert.AreEqual(Encoding.UTF8.GetBytes("1,Amélie\n"), File.ReadAllBytes(path));
    }

    [TestMethod]
    public void LeaveOpen_KeepsTheTextWriterUsable()
    {
        var text = new StringWriter();
        using (var writer = new DelimitedRecordWriter(text, ',', leaveOpen: true))
            writer.WriteRecord("a");
        text.Write("more");

        Assert.AreEqual("a\nmore", text.ToString());
    }

    [TestMethod]
    public void AnEmptyRecord_IsRejected()
    {
        using var writer = new DelimitedRecordWriter(new StringWriter(), ',');
        Assert.ThrowsExactly<ArgumentException>(() => writer.WriteRecord());
    }
}
