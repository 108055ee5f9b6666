using ImdbSentiment.Trainer.Download;

namespace ImdbSentiment.Tests.Download;

[TestClass]
public sealed class DatasetCacheTests
{
    private static readonly string Home = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "home", "ann"));
    private static readonly string LocalAppData = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "AppData", "Local"));
    private static readonly string Xdg = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "xdg-cache"));
    private static readonly string Explicit = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "explicit-cache"));

    private static string Resolve(bool isWindows, params (string Name, string Value)[] variables) =>
        DatasetCache.Resolve(name => variables.FirstOrDefault(v => v.Name == name).Value, isWindows, Home, LocalAppData);

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void TheOverrideVariable_WinsEverywhere(bool isWindows) =>
        Assert.AreEqual(Explicit, Resolve(isWindows, ("IMDB_SENTIMENT_CACHE", Explicit), ("XDG_CACHE_HOME", Xdg)));

    [TestMethod]
    public void OnUnix_XdgCacheHome_IsUsed() =>
        Assert.AreEqual(Path.Combine(Xdg, "imdb-sentiment"), Resolve(false, ("XDG_CACHE_HOME", Xdg)));

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("relative/cache")]
    public void OnUnix_WithoutAnAbsoluteXdgCacheHome_TheHomeCacheIsUsed(string? xdg) =>
        Assert.AreEqual(Path.Combine(Home, ".cache", "imdb-sentiment"), Resolve(false, ("XDG_CACHE_HOME", xdg!), ("IMDB_SENTIMENT_CACHE", "")));

    [TestMethod]
    public void OnWindows_LocalAppData_IsUsed() =>
        Assert.AreEqual(Path.Combine(LocalAppData, "ImdbSentiment", "cache"), Resolve(true, ("XDG_CACHE_HOME", Xdg)));

    [TestMethod]
    public void TheArchive_IsKeptUnderItsOfficialName() =>
        Assert.AreEqual(AclImdbSource.FileName, Path.GetFileName(DatasetCache.AclImdbArchivePath));
}
