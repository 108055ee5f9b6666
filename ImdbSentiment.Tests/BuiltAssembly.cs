namespace ImdbSentiment.Tests;

/// <summary>Where the build put one of the solution's programs, in the configuration the tests were built in.</summary>
internal static class BuiltAssembly
{
    /// <param name="projectFolder">The project's folder from the repository root, e.g. "samples/ImdbSentiment.WebApp".</param>
    public static string Of(string projectFolder, string assemblyName)
    {
        var root = Data.DataFixtures.FindRepoRoot() ?? throw new AssertFailedException("repository root not found");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var path = Path.Combine(root, projectFolder, "bin", configuration, "net10.0", assemblyName + ".dll");
        Assert.IsTrue(File.Exists(path), $"{path} is missing: build the solution first");
        return path;
    }
}
