using ImdbSentiment.Tests.Cli;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Setup;

/// <summary>
/// scripts/install-prerequisites.sh changes the machine only where it says it will: a no-op where libstdc++ is new
/// enough, a one-line refusal naming what libtorch needs anywhere but Debian 12, never from a build.
/// </summary>
[TestClass]
public sealed class PrerequisitesScriptTests
{
    private const string Required = "GLIBCXX_3.4.32";

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void WhereLibstdcxxIsNewEnough_ItSaysSo_AndDoesNothing(bool check)
    {
        using var folder = new DataFixtures();
        var library = folder.WriteText("libstdc++.so.6", $"...{Required}...");

        var outcome = Run(folder, library, OsRelease(folder, "debian", "12", "Debian GNU/Linux 12 (bookworm)"), check);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        Assert.AreEqual($"prerequisites: {library} provides {Required}; nothing to install.", outcome.Output.Trim());
        Assert.AreEqual("", outcome.Error);
    }

    [TestMethod]
    [DataRow("ubuntu", "24.04", "Ubuntu 24.04 LTS")]
    [DataRow("debian", "11", "Debian GNU/Linux 11 (bullseye)")]
    [DataRow("fedora", "40", "Fedora Linux 40")]
    public void OnASystemOtherThanDebian12_ItRefusesInOneLine_NamingTheLibraryAndHowToGetIt(string id, string version, string name)
    {
        using var folder = new DataFixtures();
        var library = folder.WriteText("libstdc++.so.6", "GLIBCXX_3.4.30 only");

        var outcome = Run(folder, library, OsRelease(folder, id, version, name), check: false);

        Assert.AreEqual(1, outcome.ExitCode);
        Assert.AreEqual("", outcome.Output, "nothing done, nothing announced");
        var lines = outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, outcome.Error);
        StringAssert.Contains(lines[0], Required);
        StringAssert.Contains(lines[0], "GCC 13 or newer");
        StringAssert.Contains(lines[0], $"this is {name}");
        StringAssert.Contains(lines[0], "package manager");
    }

    [TestMethod]
    public void Check_WhereLibstdcxxIsTooOld_FailsInOneLine_WithoutInstalling_EvenOnDebian12()
    {
        using var folder = new DataFixtures();
        var library = folder.WriteText("libstdc++.so.6", "GLIBCXX_3.4.30 only");

        var outcome = Run(folder, library, OsRelease(folder, "debian", "12", "Debian GNU/Linux 12 (bookworm)"), check: true);

        Assert.AreEqual(1, outcome.ExitCode);
        Assert.AreEqual("", outcome.Output);
        var lines = outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, outcome.Error);
        StringAssert.Contains(lines[0], $"{Required} (libstdc++ from GCC 13 or newer), which {library} lacks");
        StringAssert.Contains(lines[0], "bash scripts/install-prerequisites.sh");
    }

    [TestMethod]
    public void NoProjectFile_RunsTheScript_BuildingChangesNothingOnTheMachine()
    {
        var root = DataFixtures.FindRepoRoot()!;
        var projects = Directory.EnumerateFiles(root, "*.*proj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(root, "Directory.Build.*", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.IsNotEmpty(projects);
        foreach (var project in projects)
            Assert.DoesNotContain("install-prerequisites", File.ReadAllText(project), project);
    }

    private static string OsRelease(DataFixtures folder, string id, string version, string name) =>
        folder.WriteText("os-release", $"PRETTY_NAME=\"{name}\"\nID={id}\nVERSION_ID=\"{version}\"\n");

    private static TrainerProcess.Outcome Run(DataFixtures folder, string library, string osRelease, bool check) =>
        TrainerProcess.RunProgram(
            "bash", null,
            new Dictionary<string, string> { ["IMDB_SENTIMENT_LIBSTDCXX"] = library, ["IMDB_SENTIMENT_OS_RELEASE"] = osRelease },
            [Path.Combine(DataFixtures.FindRepoRoot()!, "scripts", "install-prerequisites.sh"), .. check ? ["--check"] : Array.Empty<string>()]);
}
