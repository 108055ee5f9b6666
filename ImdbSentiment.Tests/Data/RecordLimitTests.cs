using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

/// <summary>No record is held beyond <see cref="RecordLimit.MaxLength"/> characters: one over it is overlong, whatever its quoting.</summary>
[TestClass]
public sealed class RecordLimitTests
{
    private const int Limit = RecordLimit.MaxLength;

    private static DelimitedRecordReader Reader(string text, DelimitedQuoting quoting = DelimitedQuoting.Rfc4180, bool readPast = false) =>
        new(new StringReader(text), ',', "input.csv", quoting, readPastOverlongRecords: readPast);

    [TestMethod]
    public void ARecordOfExactlyTheLimit_IsRead()
    {
        using var reader = Reader("1," + new string('a', Limit - 2) + "\n");

        var record = reader.ReadRecord()!.Value;

        Assert.IsFalse(record.Overlong);
        Assert.AreEqual(Limit - 2, record.Fields[1].Length);
    }

    [TestMethod]
    [DataRow(DelimitedQuoting.Rfc4180, false)]
    [DataRow(DelimitedQuoting.Rfc4180, true)]
    [DataRow(DelimitedQuoting.Lenient, false)]
    public void ARecordOverTheLimit_IsOverlong_AndReadPastOnlyWhenAsked(DelimitedQuoting quoting, bool quoted)
    {
        var field = quoted ? "\"" + new string('a', Limit) + "\nstill the field\"" : new string('a', Limit + 1);
        using var reader = Reader($"0,fine\n1,{field}\n0,after\n", quoting, readPast: true);

        var records = reader.ReadRecords().ToList();

        Assert.HasCount(3, records);
        Assert.IsTrue(records[1].Overlong);
        Assert.AreEqual(2L, records[1].Line);
        Assert.IsEmpty(records[1].Fields);
        CollectionAssert.AreEqual(new[] { "0", "after" }, records[2].Fields);
        Assert.AreEqual(quoted ? 4L : 3L, records[2].Line);
    }

    [TestMethod]
    public void Lenient_AQuotedFieldOverTheLimit_IsPlainTextToTheLineBreak()
    {
        using var reader = Reader($"1,\"{new string('a', Limit)}\nnext line\"\n", DelimitedQuoting.Lenient, readPast: true);

        var records = reader.ReadRecords().ToList();

        Assert.IsTrue(records[0].Overlong);
        CollectionAssert.AreEqual(new[] { "next line\"" }, records[1].Fields);
    }

    [TestMethod]
    public void WithoutReadingPast_TheReaderStopsAtTheOverlongRecord()
    {
        using var reader = Reader("1," + new string('a', Limit) + "\n0,after\n");

        Assert.IsTrue(reader.ReadRecord()!.Value.Overlong);
        Assert.ThrowsExactly<InvalidOperationException>(() => reader.ReadRecord());
    }

    [TestMethod]
    public void AnEndlessLine_IsOverlong_AfterReadingLittleMoreThanTheLimit()
    {
        using var endless = new EndlessReader();
        using var reader = new DelimitedRecordReader(endless, ',', "endless");

        Assert.IsTrue(reader.ReadRecord()!.Value.Overlong);
        Assert.IsLessThan(4L * Limit, endless.CharactersRead);
    }

    [TestMethod]
    public void SeparatorDetection_ReadsNoFurtherThanTheLimit()
    {
        using var endless = new EndlessReader();
        TextReader text = endless;

        Assert.AreEqual(',', SeparatorDetector.DetectAtStart(ref text, "endless"));
        Assert.IsLessThan(2L * Limit, endless.CharactersRead);
    }

    private sealed class EndlessReader : TextReader
    {
        public long CharactersRead { get; private set; }

        public override int Read() => Read(new char[1], 0, 1) > 0 ? 'a' : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            buffer.AsSpan(index, count).Fill('a');
            CharactersRead += count;
            return count;
        }
    }
}
