using ImdbSentiment.Model.IO;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Batch;

[TestClass]
public sealed class AtomicFileLeftoverTests
{
    [TestMethod]
    public void DeleteLeftovers_DeletesTheTemporaryFilesOfThatTargetOnly()
    {
        using var files = new DataFixtures();
        var leftover = files.WriteText($"out/.a.csv.{Guid.NewGuid():N}.tmp", "half");
        var kept = new[]
        {
            files.WriteText("out/a.csv", "complete"),
            files.WriteText($"out/.b.csv.{Guid.NewGuid():N}.tmp", "another target's"),
            files.WriteText($"out/.x.a.csv.{Guid.NewGuid():N}.tmp", "another target's"),
            files.WriteText("out/.a.csv.not-a-guid.tmp", "not a temporary file of AtomicFile"),
        };

        int deleted;
        using (var claim = AtomicFile.TryClaim(files.PathOf("out/a.csv"))!)
            deleted = AtomicFile.DeleteLeftovers(claim);

        Assert.AreEqual(1, deleted);
        Assert.IsFalse(File.Exists(leftover));
        Assert.IsTrue(kept.All(File.Exists));
        Assert.IsFalse(File.Exists(OutputLock.LockPathOf(files.PathOf("out/a.csv"))), "the claim's lock file goes with the claim");
    }

    [TestMethod]
    public void AWrite_DeletesTheTemporaryFileAKilledWriteOfTheSameTargetLeft_ButNotItsOwn()
    {
        using var files = new DataFixtures();
        var target = files.PathOf("out/a.csv");
        string? temporaryName = null;
        AtomicFile.Write(target, temporary =>
        {
            temporaryName = temporary;
            File.WriteAllText(temporary, "first");
        });
        // What a killed write of the same name pattern leaves.
        var leftover = files.WriteText($"out/.a.csv.{Guid.NewGuid():N}.tmp", "half");

        AtomicFile.Write(target, temporary =>
        {
            Assert.IsFalse(File.Exists(leftover), "deleted before the write starts");
            File.WriteAllText(temporary, "complete");
            using var claim = AtomicFile.TryClaim(target)!;
            Assert.AreEqual(0, AtomicFile.DeleteLeftovers(claim), "a write's own temporary file is not a leftover");
        });

        Assert.AreEqual(Path.GetDirectoryName(target), Path.GetDirectoryName(temporaryName));
        Assert.AreEqual("complete", File.ReadAllText(target));
        CollectionAssert.AreEqual(new[] { target }, Directory.GetFiles(files.PathOf("out")));
    }
}
