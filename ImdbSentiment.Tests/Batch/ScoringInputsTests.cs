using ImdbSentiment.Model.Batch;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Batch;

[TestClass]
public sealed class ScoringInputsTests
{
    private readonly DataFixtures _files = new();

    [TestCleanup]
    public void Cleanup() => _files.Dispose();

    [TestMethod]
    public void AFolder_GivesItsCsvTsvAndTxtFiles_NotHiddenOnesOtherFilesOrSubfolders_SortedByName()
    {
        foreach (var name in new[] { "in/b.tsv", "in/a.csv", "in/c.TXT", "in/notes.md", "in/.hidden.csv", "in/.a.csv.0123.tmp", "in/sub/d.csv" })
            _files.WriteText(name, "text\nfine\n");

        var inputs = ScoringInputs.Resolve([_files.PathOf("in")]);

        CollectionAssert.AreEqual(new[] { "a.csv", "b.tsv", "c.TXT" }, inputs.Select(Path.GetFileName).ToArray());
        Assert.IsTrue(inputs.All(Path.IsPathFullyQualified));
    }

    [TestMethod]
    public void FilesFoldersAndPatterns_Combine_AndTheSameFileNamedTwiceIsScoredOnce()
    {
        var first = _files.WriteText("x/part-1.csv", "text\nfine\n");
        _files.WriteText("x/part-2.csv", "text\nfine\n");
        _files.WriteText("x/other.csv", "text\nfine\n");
        var single = _files.WriteText("y/single.csv", "text\nfine\n");

        var inputs = ScoringInputs.Resolve([Path.Combine(_files.PathOf("x"), "part-?.csv"), first, single, _files.PathOf("y")]);

        CollectionAssert.AreEqual(new[] { "part-1.csv", "part-2.csv", "single.csv" }, inputs.Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void TwoDifferentFilesWithOneName_AreRefused_NamingBoth()
    {
        var first = _files.WriteText("x/reviews.csv", "text\nfine\n");
        var second = _files.WriteText("y/reviews.csv", "text\nfine\n");

        var error = Assert.ThrowsExactly<ArgumentException>(() => ScoringInputs.Resolve([_files.PathOf("x"), second]));

        StringAssert.Contains(error.Message, "same file name reviews.csv");
        StringAssert.Contains(error.Message, first);
        StringAssert.Contains(error.Message, second);
    }

    [TestMethod]
    public void WhatNamesNoInput_IsRefused_NamingIt()
    {
        _files.WriteText("empty/notes.md", "not reviews");
        var missing = _files.PathOf("missing.csv");
        var noMatch = Path.Combine(_files.Folder, "none-*.csv");

        StringAssert.Contains(Assert.ThrowsExactly<FileNotFoundException>(() => ScoringInputs.Resolve([missing])).Message, $"{missing}: no such file or folder");
        StringAssert.Contains(Assert.ThrowsExactly<FileNotFoundException>(() => ScoringInputs.Resolve([noMatch])).Message, $"{noMatch}: no file matches");
        StringAssert.Contains(Assert.ThrowsExactly<FileNotFoundException>(() => ScoringInputs.Resolve([_files.PathOf("empty")])).Message, "holds no .csv, .tsv or .txt file");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => ScoringInputs.Resolve([Path.Combine(_files.Folder, "*", "a.csv")])).Message, "only the file name may have wildcards");
    }
}
