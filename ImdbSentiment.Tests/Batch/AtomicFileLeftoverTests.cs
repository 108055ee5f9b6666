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

        var deleted = AtomicFile.DeleteLeftovers(files.PathOf("out/a.csv"));

        Assert.AreEqual(1, deleted);
        Assert.IsFalse(File.Exists(leftover));
        Assert.IsTrue(kept.All(File.Exists));
        Assert.AreEqual(0, AtomicFile.DeleteLeftovers(files.PathOf("no-folder/a.csv")));
    }

    [TestMethod]
    public void DeleteLeftovers_RecognisesTheTemporaryFileAWriteReallyMakes()
    {
        using var files = new DataFixtures();
        var target = files.PathOf("out/a.csv");
        var sawTemporary = false;

        AtomicFile.Write(target, temporary =>
        {
            File.WriteAllText(temporary, "half");
            // What a killed write leaves: delete it as the rerun would.
            sawTemporary = AtomicFile.DeleteLeftovers(target) == 1 && !File.Exists(temporary);
            File.WriteAllText(temporary, "complete");
        });

        Assert.IsTrue(sawTemporary);
        Assert.AreEqual("complete", File.ReadAllText(target));
    }
}
