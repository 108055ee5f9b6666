using System.Diagnostics;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

/// <summary>Reads the real training split kept outside the repository, in ../shared/data.</summary>
[TestClass]
public sealed class SharedAclImdbArchiveTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>The shared archive's path; the calling test is inconclusive, with a message, when it is absent.</summary>
    internal static string ArchivePath()
    {
        var root = DataFixtures.FindRepoRoot();
        var path = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "aclImdb-train.tar.gz"));
        if (path is null || !File.Exists(path))
            Assert.Inconclusive($"The shared IMDB archive is absent (looked for ../shared/data/aclImdb-train.tar.gz next to the repository root {root ?? "(not found)"}).");
        return path;
    }

    [TestMethod]
    public void TrainSplit_Has12500ReviewsPerClass_InFileNameOrder()
    {
        var path = ArchivePath();

        var watch = Stopwatch.StartNew();
        var reviews = AclImdbReader.Read(path, "train");
        watch.Stop();
        TestContext.WriteLine($"Read {reviews.Count} reviews from {path} in {watch.ElapsedMilliseconds} ms.");

        Assert.HasCount(25_000, reviews);
        Assert.AreEqual(12_500, reviews.Count(review => review.Label));
        Assert.IsTrue(reviews.Take(12_500).All(review => review.Label));
        Assert.IsFalse(reviews.Any(review => string.IsNullOrWhiteSpace(review.Text)));
        // pos/0_9.txt and neg/0_3.txt come first in ordinal file-name order.
        Assert.StartsWith("Bromwell High is a cartoon comedy.", reviews[0].Text);
        Assert.StartsWith("Story of a man who has unnatural feelings for a pig.", reviews[12_500].Text);
    }

    [TestMethod]
    public void TestSplit_IsAbsent_FromTheReducedArchive()
    {
        var path = ArchivePath();

        Assert.IsTrue(AclImdbReader.HasSplit(path, "train"));
        Assert.IsFalse(AclImdbReader.HasSplit(path, "test"));
        var error = Assert.ThrowsExactly<DataFormatException>(() => AclImdbReader.Read(path, "test"));
        Assert.Contains("splits found: train", error.Message);
    }

    [TestMethod]
    public void OnePass_GivesTheMovies_TheUnlabelledReviews_AndTheFixedDevelopmentTestSet()
    {
        var dataset = AclImdbReader.ReadAll(ArchivePath(), unlabelled: true);

        Assert.IsTrue(dataset.HasMovies);
        Assert.AreEqual(3_456, dataset.Train.Select(review => review.Group).Distinct().Count());
        Assert.IsTrue(dataset.Train.All(review => review.Group.StartsWith("tt", StringComparison.Ordinal)));
        Assert.HasCount(50_000, dataset.Unlabelled);
        // pos/0_9.txt is line 0 of urls_pos.txt.
        Assert.AreEqual("tt0453418", dataset.Train[0].Group);

        var (remaining, developmentTest) = DevelopmentTestSet.Split(dataset.Train);
        Assert.HasCount(5_002, developmentTest, "the development-test set is fixed: changing it makes every reported figure incomparable");
        Assert.AreEqual(677, developmentTest.Select(review => review.Group).Distinct().Count());
        Assert.HasCount(19_998, remaining);
    }
}
