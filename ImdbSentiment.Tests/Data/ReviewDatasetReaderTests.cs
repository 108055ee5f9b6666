using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class ReviewDatasetReaderTests
{
    private static readonly (string EntryName, string Content)[] Splits =
    [
        ("aclImdb/train/pos/1_8.txt", "Train positive."),
        ("aclImdb/train/neg/1_2.txt", "Train negative."),
        ("aclImdb/test/pos/2_9.txt", "Test positive."),
        ("aclImdb/test/neg/2_1.txt", "Test negative."),
    ];

    private static string[] Texts(ReviewReadResult result) => [.. result.Reviews.Select(review => review.Text)];

    [TestMethod]
    public void TarGz_IsReadAsAclImdb_WithTheSplitAsked()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("aclImdb_v1.tar.gz", Splits);

        CollectionAssert.AreEqual(new[] { "Train positive.", "Train negative." }, Texts(ReviewDatasetReader.Read(archive)));
        var test = ReviewDatasetReader.Read(archive, "test");
        CollectionAssert.AreEqual(new[] { "Test positive.", "Test negative." }, Texts(test));
        Assert.AreEqual(0, test.SkippedRows);
    }

    [TestMethod]
    public void Folder_IsReadAsAclImdb()
    {
        using var fixtures = new DataFixtures();
        var folder = fixtures.WriteTree("imdb", Splits);

        CollectionAssert.AreEqual(new[] { "Test positive.", "Test negative." }, Texts(ReviewDatasetReader.Read(folder, "test")));
    }

    [TestMethod]
    public void OtherFiles_AreReadAsDelimited_WithTheOptions()
    {
        using var fixtures = new DataFixtures();
        var file = fixtures.WriteText("reviews.tsv", "text\tlabel\nLoved it\t1\nHated it\tmaybe\n");

        var result = ReviewDatasetReader.Read(file, options: new DelimitedFileOptions { LabelColumn = "label", SkipBadRows = true });

        CollectionAssert.AreEqual(new[] { "Loved it" }, Texts(result));
        Assert.IsTrue(result.Reviews[0].Label);
        Assert.AreEqual(1, result.SkippedRows);
    }
}
