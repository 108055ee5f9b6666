
namespace ImdbSentiment.Trainer.Download;

/// <summary>
/// The per-user folder downloaded data sets are kept in: $IMDB_SENTIMENT_CACHE when set; otherwise
/// $XDG_CACHE_HOME/imdb-sentiment or ~/.cache/imdb-sentiment on Linux and macOS, %LOCALAPPDATA%\ImdbSentiment\cache on Windows.
/// </summary>
internal static class DatasetCache
{
    public const string OverrideVariable = "IMDB_SENTIMENT_CACHE";

    /// <summary>The cache folder (not created).</summary>
    public static string Folder => Resolve(
        Environment.GetEnvironmentVariable,
        OperatingSystem.IsWindows(),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData));

    /// <summary>Where the official archive is kept in the cache folder.</summary>
    public static string AclImdbArchivePath => Path.Combine(Folder, AclImdbSource.FileName);

    internal static string Resolve(Func<string, string?> environment, bool isWindows, string userHome, string localAppData)
    {
        var explicitFolder = environment(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(explicitFolder))
            return Path.GetFullPath(explicitFolder);
        if (isWindows)
            return Path.Combine(localAppData, "ImdbSentiment", "cache");
        // The XDG base directory spec says a relative value is invalid and must be ignored.
        var xdgCache = environment("XDG_CACHE_HOME");
        var cacheRoot = !string.IsNullOrEmpty(xdgCache) && Path.IsPathRooted(xdgCache) ? xdgCache : Path.Combine(userHome, ".cache");
        return Path.Combine(cacheRoot, "imdb-sentiment");
    }
}
