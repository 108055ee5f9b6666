using System.Globalization;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Tests.WordVectors;

/// <summary>The .vec reader: what it keeps, the spellings it matches, and one error naming the file and line for each kind of bad file.</summary>
[TestClass]
public sealed class WordVectorReaderTests
{
    [TestMethod]
    public void Read_KeepsOnlyTheWordsAskedFor_InTheirOrder_MatchingInLowerCase()
    {
        using var files = new DataFixtures();
        // fastText's own layout: a space after the last value of each line.
        var path = files.WriteText("words.vec", "4 3\nGood 1 2 3 \nbad -1 -2.5 3e-2 \nplot 0 0 0 \nfilm 7 8 9 \n");

        var matched = WordVectorReader.Read(path, ["film", "good", "missing"]);

        Assert.AreEqual(new WordVectorHeader(4, 3), matched.Header);
        CollectionAssert.AreEqual(new[] { true, true, false }, matched.Found);
        CollectionAssert.AreEqual(new[] { 7f, 8f, 9f, 1f, 2f, 3f, 0f, 0f, 0f }, matched.Vectors);
        Assert.AreEqual(2, matched.FoundCount);
    }

    [TestMethod]
    public void Read_KeepsTheFirstOfSeveralSpellings_AndCountsTheOthers()
    {
        using var files = new DataFixtures();
        var path = files.WriteText("cased.vec", "3 2\r\nThe 1 1\r\nthe 2 2\r\nTHE 3 3\r\n");

        var matched = WordVectorReader.Read(path, ["the"]);

        CollectionAssert.AreEqual(new[] { 1f, 1f }, matched.Vectors);
        Assert.AreEqual(2, matched.CaseVariantsSkipped);
    }

    [TestMethod]
    public void WriterThenReader_GivesBackTheSameFloats()
    {
        using var files = new DataFixtures();
        var random = new Random(5);
        string[] words = ["excellent", "awful", "don't", "café", "1990s"];
        var vectors = Enumerable.Range(0, words.Length * 7).Select(_ => (float)(random.NextDouble() * 2 - 1) * MathF.Pow(10, random.Next(-8, 4))).ToArray();
        vectors[3] = float.Epsilon;
        vectors[4] = -float.MaxValue;
        var path = files.PathOf("round.vec");

        WordVectorWriter.Write(path, words, vectors, 7);
        var read = WordVectorReader.Read(path, words);

        Assert.AreEqual(new WordVectorHeader(words.Length, 7), read.Header);
        CollectionAssert.AreEqual(vectors, read.Vectors, "every float reads back bit for bit");
        Assert.AreEqual(words.Length, read.FoundCount);
        Assert.IsEmpty(Directory.GetFiles(files.Folder, ".*.tmp"), "no temporary file is left");
    }

    [TestMethod]
    public void Writer_RefusesAWordTheFormatCannotCarry()
    {
        using var files = new DataFixtures();

        Assert.ThrowsExactly<ArgumentException>(() => WordVectorWriter.Write(files.PathOf("bad.vec"), ["two words"], new float[2], 2));

        Assert.IsFalse(File.Exists(files.PathOf("bad.vec")));
    }

    [TestMethod]
    [DataRow("", null, "the file is empty")]
    [DataRow("the 0.1 0.2\n", 1L, "expected the header line 'count dimensions'")]
    [DataRow("2\nthe 1\n", 1L, "expected the header line 'count dimensions'")]
    [DataRow("2 -3\n", 1L, "expected the header line 'count dimensions'")]
    [DataRow("0 3\n", 1L, "at least 1 word of at least 1 dimension")]
    [DataRow("2 3\nthe 1 2 3\nplot 1 2\n", 3L, "expected 3 values after the word (the header's dimensions), found 2")]
    [DataRow("2 3\nthe 1 2 3 4\nplot 1 2 3\n", 2L, "expected 3 values after the word (the header's dimensions), found more")]
    [DataRow("2 3\nthe 1 2 3\nplot 1 two 3\n", 3L, "value 2 is not a number")]
    [DataRow("2 3\nthe 1 2 3\nplot 1,5 2 3\n", 3L, "value 1 is not a number")]
    [DataRow("2 3\nthe 1 2 NaN\nplot 1 2 3\n", 2L, "value 3 is not a finite number")]
    [DataRow("2 3\nthe 1 2 3\nplot -Infinity 2 3\n", 3L, "value 1 is not a finite number")]
    [DataRow("2 3\nthe 1 2 3\nplot 1e39 2 3\n", 3L, "value 1 is not a finite number")]
    [DataRow("2 3\nthe 1 2 3\n 1 2 3\n", 3L, "starts with a space where its word should be")]
    [DataRow("2 3\nthe 1 2 3\n\n", 3L, "expected a word and 3 values")]
    [DataRow("2 3\nthe 1 2 3\nthe 4 5 6\n", 3L, "already on line 2")]
    [DataRow("3 3\nthe 1 2 3\nplot 1 2 3\n", 4L, "the header says 3 words, but the file ends after 2")]
    [DataRow("1 3\nthe 1 2 3\nplot 1 2 3\n", 3L, "the header says 1 word, but the file has more lines")]
    [DataRow("1 100000\n", 1L, "more than the 1,024 an embedding may have")]
    [DataRow("2 3\nthe 1 2 3\nplot 1 2 3 ", 3L, null)]
    public void ABadFile_GivesOneErrorNamingTheFileAndLine(string content, long? line, string? problem)
    {
        using var files = new DataFixtures();
        // No problem given: the last line runs on past the record limit without a line break.
        var path = files.WriteText("bad.vec", problem is null ? content + new string('4', RecordLimit.MaxLength) : content);
        problem ??= "the line is longer than 1,048,576 characters";

        var error = Assert.ThrowsExactly<DataFormatException>(() => WordVectorReader.Read(path, ["the", "plot"]));

        Assert.AreEqual(path, error.FilePath);
        Assert.AreEqual(line, error.Line);
        StringAssert.Contains(error.Message, problem);
        Assert.AreEqual("WordVectors", error.Setting, "the command line names its flag from this");
    }

    [TestMethod]
    public void AValueOfTheFile_IsNeverEchoed()
    {
        using var files = new DataFixtures();
        var path = files.WriteText("bad.vec", "1 2\nthe 1 <script>\n");

        var error = Assert.ThrowsExactly<DataFormatException>(() => WordVectorReader.Read(path, ["the"]));

        Assert.DoesNotContain("<script>", error.Message);
    }

    [TestMethod]
    public void AMissingFile_IsNamed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.vec");

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => WordVectorReader.ReadHeader(path));

        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void ReadHeader_ReadsTheFirstLineOnly()
    {
        using var files = new DataFixtures();
        var path = files.WriteText("header.vec", string.Create(CultureInfo.InvariantCulture, $"2000000 300\nthe {string.Join(' ', Enumerable.Repeat("x", 5))}\n"));

        Assert.AreEqual(new WordVectorHeader(2_000_000, 300), WordVectorReader.ReadHeader(path));
    }
}
