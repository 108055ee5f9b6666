using System.Runtime.InteropServices;

namespace ImdbSentiment.Benchmarks.Reporting;

/// <summary>
/// The machine a run measured: cores, CPU, OS, .NET, and the load average when it started, which tells whether
/// other work shared the cores (figures are only comparable between runs on an idle machine).
/// </summary>
internal static class MachineInfo
{
    public static void WriteTo(TextWriter writer)
    {
        writer.WriteLine("## Machine");
        writer.WriteLine();
        writer.WriteLine($"- cores: {Environment.ProcessorCount} ({CpuModel()})");
        writer.WriteLine($"- OS: {RuntimeInformation.OSDescription}");
        writer.WriteLine($"- .NET: {RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}");
        writer.WriteLine($"- load average at start (1/5/15 min): {LoadAverage()}");
        writer.WriteLine();
    }

    public static void WriteLoadAtEnd(TextWriter writer) => writer.WriteLine($"Load average at the end (1/5/15 min): {LoadAverage()}");

    private static string CpuModel() => ReadLinux("/proc/cpuinfo", lines => lines
        .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim());

    private static string LoadAverage() => ReadLinux("/proc/loadavg", lines =>
        lines.FirstOrDefault() is { } line ? string.Join(" / ", line.Split(' ').Take(3)) : null);

    private static string ReadLinux(string path, Func<IEnumerable<string>, string?> pick) =>
        (File.Exists(path) ? pick(File.ReadLines(path)) : null) ?? "unknown";
}
