using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class AclImdbReaderTests
{
    // In a deliberately unsorted archive order, with the content a reader must pass over.
    private static readonly (string EntryName, string Content)[] TrainSplit =
    [
        ("aclImdb/README", "Large Movie Review Dataset v1.0"),
        ("aclImdb/imdb.vocab", "the\nand\n"),
        ("aclImdb/train/neg/9_1.txt", "Dreadful."),
        ("aclImdb/train/pos/12_8.txt", "Amélie – a \"joy\", <br /><br />truly ★"),
        ("aclImdb/train/unsup/0_0.txt", "Unlabelled."),
        ("aclImdb/train/labeledBow.feat", "0 0:9 1:1"),
        ("aclImdb/train/urls_pos.txt", "http://www.imdb.com/title/tt0000000/usercomments"),
        ("aclImdb/train/pos/10_7.txt", "Good."),
        ("aclImdb/train/neg/10_2.txt", "Bad, very bad."),
        ("aclImdb/train/pos/notes.md", "not a review"),
    ];

    private static readonly (bool Label, string Text)[] ExpectedTrain =
    [
        (true, "Good."),
        (true, "Amélie – a \"joy\", <br /><br />truly ★"),
        (false, "Bad, very bad."),
        (false, "Dreadful."),
    ];

    private static void AssertReviews(IReadOnlyList<LabeledReview> reviews, params (bool Label, string Text)[] expected) =>
        CollectionAssert.AreEqual(expected, reviews.Select(review => (review.Label, review.Text)).ToArray());

    [TestMethod]
    [DataRow("")]
    [DataRow("./")]
    public void Archive_ReadsTheSplit_PositivesThenNegativesByFileName(string prefix)
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("aclImdb_v1.tar.gz", TrainSplit.Select(e => (prefix + e.EntryName, e.Content)));

        AssertReviews(AclImdbReader.Read(archive, "train"), ExpectedTrain);
    }

    [TestMethod]
    public void Archive_OfTheAclImdbFolderContents_IsReadToo()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("reviews.tgz", TrainSplit.Select(e => (e.EntryName["aclImdb/".Length..], e.Content)));

        AssertReviews(AclImdbReader.Read(archive, "train"), ExpectedTrain);
    }

    [TestMethod]
    public void Archive_MissingSplit_NamesThePathTheSplitAndTheSplitsFound()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("aclImdb.tar.gz", TrainSplit);

        var error = Assert.ThrowsExactly<DataFormatException>(() => AclImdbReader.Read(archive, "test"));

        Assert.AreEqual(archive, error.FilePath);
        Assert.IsNull(error.Line);
        Assert.Contains(archive, error.Message);
        Assert.Contains("no complete 'test' split", error.Message);
        Assert.Contains("aclImdb/test/pos/*.txt", error.Message);
        Assert.Contains("splits found: train", error.Message);
    }

    [TestMethod]
    public void Archive_SplitWithOnlyOneClass_IsMissing()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("aclImdb.tar.gz", [.. TrainSplit, ("aclImdb/test/pos/1_9.txt", "Only positive.")]);

        Assert.IsFalse(AclImdbReader.HasSplit(archive, "test"));
        var error = Assert.ThrowsExactly<DataFormatException>(() => AclImdbReader.Read(archive, "test"));
        Assert.Contains("splits found: train", error.Message);
    }

    [TestMethod]
    public void Archive_WithBothSplits_ReadsEachSeparately()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("aclImdb.tar.gz",
            [("aclImdb/test/neg/3_4.txt", "Test negative."), .. TrainSplit, ("aclImdb/test/pos/3_10.txt", "Test positive.")]);

        Assert.IsTrue(AclImdbReader.HasSplit(archive, "train"));
        Assert.IsTrue(AclImdbReader.HasSplit(archive, "test"));
        AssertReviews(AclImdbReader.Read(archive, "test"), (true, "Test positive."), (false, "Test negative."));
        AssertReviews(AclImdbReader.Read(archive, "train"), ExpectedTrain);
    }

    [TestMethod]
    public void Archive_EmptyReview_NamesTheEntry()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("aclImdb.tar.gz", [.. TrainSplit, ("aclImdb/train/neg/77_3.txt", " \n")]);

        var error = Assert.ThrowsExactly<DataFormatException>(() => AclImdbReader.Read(archive, "train"));

        Assert.AreEqual(archive, error.FilePath);
        Assert.Contains("entry 'aclImdb/train/neg/77_3.txt' is an empty review", error.Message);
    }

    [TestMethod]
    public void Archive_Missing_NamesThePath()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.PathOf("absent.tar.gz");

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => AclImdbReader.Read(archive, "train"));

        Assert.Contains(archive, error.Message);
    }

    [TestMethod]
    [DataRow("data")]
    [DataRow("data/aclImdb")]
    public void Folder_ContainingAclImdbOrItself_ReadsLikeTheArchive(string folder)
    {
        using var fixtures = new DataFixtures();
        var root = fixtures.WriteTree("data", TrainSplit);

        AssertReviews(AclImdbReader.Read(fixtures.PathOf(folder), "train"), ExpectedTrain);
        Assert.IsTrue(AclImdbReader.HasSplit(fixtures.PathOf(folder), "train"));
        Assert.IsTrue(Directory.Exists(Path.Combine(root, "aclImdb", "train", "unsup")));
    }

    [TestMethod]
    public void Folder_MissingSplit_NamesThePathTheSplitAndTheSplitsFound()
    {
        using var fixtures = new DataFixtures();
        var root = fixtures.WriteTree("data", TrainSplit);
        Directory.CreateDirectory(Path.Combine(root, "aclImdb", "test", "pos"));

        Assert.IsFalse(AclImdbReader.HasSplit(root, "test"));
        var error = Assert.ThrowsExactly<DataFormatException>(() => AclImdbReader.Read(root, "test"));

        Assert.AreEqual(root, error.FilePath);
        Assert.Contains("no complete 'test' split", error.Message);
        Assert.Contains("splits found: train", error.Message);
    }

    [TestMethod]
    public void Folder_WithNoSplit_SaysNoneWereFound()
    {
        using var fixtures = new DataFixtures();
        var empty = fixtures.PathOf("empty");
        Directory.CreateDirectory(empty);

        var error = Assert.ThrowsExactly<DataFormatException>(() => AclImdbReader.Read(empty, "train"));

        Assert.Contains("splits found: none", error.Message);
    }

    [TestMethod]
    public void Folder_EmptyReview_NamesTheFile()
    {
        using var fixtures = new DataFixtures();
        var root = fixtures.WriteTree("data", [.. TrainSplit, ("aclImdb/train/pos/5_9.txt", "")]);

        var error = Assert.ThrowsExactly<DataFormatException>(() => AclImdbReader.Read(root, "train"));

        Assert.AreEqual(Path.Combine(root, "aclImdb", "train", "pos", "5_9.txt"), error.FilePath);
        Assert.Contains("5_9.txt: the review is empty", error.Message);
    }

    [TestMethod]
    public void Folder_Missing_NamesThePath()
    {
        using var fixtures = new DataFixtures();
        var folder = fixtures.PathOf("no-such-folder");

        var error = Assert.ThrowsExactly<DirectoryNotFoundException>(() => AclImdbReader.Read(folder, "train"));

        Assert.Contains(folder, error.Message);
    }

    [TestMethod]
    [DataRow("unsup")]
    [DataRow("Train")]
    [DataRow("")]
    public void UnknownSplitName_IsRejected(string split)
    {
        using var fixtures = new DataFixtures();

        var error = Assert.ThrowsExactly<ArgumentException>(() => AclImdbReader.Read(fixtures.Folder, split));

        Assert.Contains($"'{split}'", error.Message);
        Assert.Contains("train or test", error.Message);
    }

    [TestMethod]
    public void IsAclImdb_TakesFoldersAndTarGzNames()
    {
        using var fixtures = new DataFixtures();

        Assert.IsTrue(AclImdbReader.IsAclImdb(fixtures.Folder));
        Assert.IsTrue(AclImdbReader.IsAclImdb("aclImdb_v1.tar.gz"));
        Assert.IsTrue(AclImdbReader.IsAclImdb("data/IMDB.TGZ"));
        Assert.IsFalse(AclImdbReader.IsAclImdb(fixtures.WriteText("reviews.csv", "label,text\n")));
        Assert.IsFalse(AclImdbReader.IsAclImdb("reviews.tar"));
        Assert.IsFalse(AclImdbReader.IsAclImdb(fixtures.PathOf("no-such-folder")));
    }

    [TestMethod]
    public void Archive_UrlLists_GiveEachReviewItsMovie_AndUnlabelledReviewsWhenAsked()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("aclImdb.tar.gz",
        [
            ("aclImdb/train/pos/1_9.txt", "Second positive."),
            ("aclImdb/train/pos/0_8.txt", "First positive."),
            ("aclImdb/train/neg/0_2.txt", "Only negative."),
            ("aclImdb/train/unsup/0_0.txt", "Unlabelled one."),
            ("aclImdb/train/urls_pos.txt", "http://www.imdb.com/title/tt0000001/usercomments\nhttp://www.imdb.com/title/tt0000002/usercomments\n"),
            ("aclImdb/train/urls_neg.txt", "http://www.imdb.com/title/tt0000003/usercomments\n"),
        ]);

        var withoutUnlabelled = AclImdbReader.ReadAll(archive);
        var dataset = AclImdbReader.ReadAll(archive, unlabelled: true);

        Assert.IsTrue(dataset.HasMovies);
        CollectionAssert.AreEqual(new[] { ("First positive.", "tt0000001"), ("Second positive.", "tt0000002"), ("Only negative.", "tt0000003") },
            dataset.Train.Select(r => (r.Text, r.Group)).ToArray());
        Assert.IsNull(dataset.Test);
        CollectionAssert.AreEqual(new[] { "Unlabelled one." }, dataset.Unlabelled.ToArray());
        Assert.IsEmpty(withoutUnlabelled.Unlabelled);
    }

    [TestMethod]
    public void Archive_WithoutUrlLists_HasNoMovies()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("aclImdb.tar.gz", TrainSplit.Where(e => !e.EntryName.Contains("urls_")));

        var dataset = AclImdbReader.ReadAll(archive);

        Assert.IsFalse(dataset.HasMovies);
        Assert.IsTrue(dataset.Train.All(r => r.Group.Length == 0));
    }

    [TestMethod]
    public void ReadAll_TestSplitWithOneClass_IsAnError_NotAQuietFallback()
    {
        using var fixtures = new DataFixtures();
        var archive = fixtures.WriteTarGz("aclImdb.tar.gz", [.. TrainSplit, ("aclImdb/test/pos/1_9.txt", "Only positive.")]);

        var error = Assert.ThrowsExactly<DataFormatException>(() => AclImdbReader.ReadAll(archive));
        Assert.Contains("no complete 'test' split", error.Message);
    }
}
