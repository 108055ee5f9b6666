using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ImdbSentiment.Benchmarks.Suites.Processes;

/// <summary>The <c>imdb-sentiment</c> CLI as the build leaves it (JIT-compiled at run time), or published ReadyToRun.</summary>
internal static class TrainerBuild
{
    private const string AssemblyName = "imdb-sentiment.dll";

    /// <summary>The build output of the configuration this benchmark runs in; it may be missing.</summary>
    public static string BuiltAssembly(string repositoryRoot)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        return Path.Combine(repositoryRoot, "ImdbSentiment.Trainer", "bin", configuration, "net10.0", AssemblyName);
    }

    /// <summary>
    /// <c>dotnet publish -r RID -p:PublishReadyToRun=true</c> into <paramref name="folder"/>: the CLI and its libraries
    /// (ML.NET's are IL only in their packages) precompiled, so a short command spends less of its time in the JIT.
    /// </summary>
    public static string PublishReadyToRun(string repositoryRoot, string folder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "publish", Path.Combine(repositoryRoot, "ImdbSentiment.Trainer"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", folder,
                 })
            start.ArgumentList.Add(argument);
        var run = TimedProcess.Run(start);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed (exit code {run.ExitCode}): {run.Output.Trim().Split('\n')[^1]}");
        return Path.Combine(folder, AssemblyName);
    }
}
