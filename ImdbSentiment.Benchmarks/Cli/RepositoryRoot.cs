namespace ImdbSentiment.Benchmarks.Cli;

/// <summary>The folder holding ImdbSentiment.sln, found by walking up from a starting folder.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "ImdbSentiment.sln";

    /// <summary>Looks above the program's own folder first, so the working directory does not matter, then above the working directory.</summary>
    public static string? Find() => FindAbove(AppContext.BaseDirectory) ?? FindAbove(Environment.CurrentDirectory);

    private static string? FindAbove(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                return folder.FullName;
        }
        return null;
    }
}
