using ImdbSentiment.Model.IO;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.IO;

/// <summary>A folder written atomically holds all its files or none, and a failed write leaves what was there.</summary>
[TestClass]
public sealed class AtomicFolderTests
{
    [TestMethod]
    public void AFailedWrite_LeavesNoFolder_AndNothingBesideIt()
    {
        using var files = new DataFixtures();
        var target = files.PathOf("export");

        Assert.ThrowsExactly<InvalidOperationException>(() => AtomicFolder.Write(target, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "first.txt"), "written");
            throw new InvalidOperationException("the second file fails");
        }));

        Assert.IsEmpty(Directory.GetFileSystemEntries(files.Folder));
    }

    [TestMethod]
    public void AnExistingFolder_IsReplacedWhole_OrLeftAsItWasWhenTheWriteFails()
    {
        using var files = new DataFixtures();
        var target = files.PathOf("export");
        AtomicFolder.Write(target, folder => File.WriteAllText(Path.Combine(folder, "old.txt"), "old"));

        Assert.ThrowsExactly<InvalidOperationException>(() => AtomicFolder.Write(target, _ => throw new InvalidOperationException("fails")));
        CollectionAssert.AreEqual(new[] { "old.txt" }, Directory.GetFiles(target).Select(Path.GetFileName).ToArray());

        AtomicFolder.Write(target, folder => File.WriteAllText(Path.Combine(folder, "new.txt"), "new"));
        CollectionAssert.AreEqual(new[] { "new.txt" }, Directory.GetFiles(target).Select(Path.GetFileName).ToArray());
        CollectionAssert.AreEqual(new[] { target }, Directory.GetFileSystemEntries(files.Folder));
    }

    [TestMethod]
    public void DeleteUnfinished_RemovesTheFolderOfAWriteInProgress()
    {
        using var files = new DataFixtures();
        var target = files.PathOf("export");
        string? temporary = null;

        var error = Assert.ThrowsExactly<IOException>(() => AtomicFolder.Write(target, folder =>
        {
            temporary = folder;
            // What a second Ctrl-C does while the write is under way.
            AtomicFolder.DeleteUnfinished();
            File.WriteAllText(Path.Combine(folder, "late.txt"), "after the signal");
        }));

        Assert.IsFalse(Directory.Exists(temporary));
        StringAssert.StartsWith(error.Message, $"{target}: could not be written");
        Assert.IsEmpty(Directory.GetFileSystemEntries(files.Folder));
    }
}
