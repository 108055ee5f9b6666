using ImdbSentiment.Tests.Cli;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Files that are not regular files, made with the system's own tools, and what a path is as stat(1) says it
/// ("regular file", "character special file", "fifo", "symbolic link", "directory").
/// </summary>
internal static class SpecialFiles
{
    /// <summary>A copy of /dev/null (character device 1, 3), which needs root, as CI runs.</summary>
    public static string CharacterDevice(FaultCase fault, string name) =>
        Made(fault, name, "mknod", "c", "1", "3");

    public static string Fifo(FaultCase fault, string name) => Made(fault, name, "mkfifo");

    /// <summary>stat(1)'s name for the kind of file at <paramref name="path"/>, not following a link.</summary>
    public static string KindOf(string path)
    {
        var outcome = TrainerProcess.RunProgram("stat", null, null, "-c", "%F", path);
        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        return outcome.Output.Trim();
    }

    /// <summary>
    /// A mount of a small tmpfs at a new folder of the case, for a disk that fills up; needs root, as CI runs.
    /// Disposing unmounts it.
    /// </summary>
    public static IDisposable SmallDisk(FaultCase fault, string name, int kibibytes)
    {
        var folder = fault.PathOf(name);
        Directory.CreateDirectory(folder);
        var mounted = TrainerProcess.RunProgram("mount", null, null, "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", folder);
        if (mounted.ExitCode != 0)
            Unavailable($"mount -t tmpfs failed ({mounted.Error.Trim()})");
        return new Unmount(folder);
    }

    private static string Made(FaultCase fault, string name, string tool, params string[] arguments)
    {
        var path = fault.PathOf(name);
        var outcome = TrainerProcess.RunProgram(tool, null, null, [path, .. arguments]);
        if (outcome.ExitCode != 0)
            Unavailable($"{tool} {path} failed ({outcome.Error.Trim()})");
        return fault.Remember(path);
    }

    // CI runs as root, where these always work: there a failure is the test's, never a silent skip.
    private static void Unavailable(string why)
    {
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            Assert.Fail($"{why}; CI runs as root, where it must work");
        Assert.Inconclusive($"{why}: this case needs root");
    }

    private sealed class Unmount(string folder) : IDisposable
    {
        public void Dispose() => TrainerProcess.RunProgram("umount", null, null, folder);
    }
}
