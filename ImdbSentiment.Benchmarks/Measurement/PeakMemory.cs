using System.Diagnostics;

namespace ImdbSentiment.Benchmarks.Measurement;

/// <summary>This process's peak resident memory so far: VmHWM ("high water mark") on Linux.</summary>
internal static class PeakMemory
{
    private const string StatusFile = "/proc/self/status";

    public static long Bytes()
    {
        if (File.Exists(StatusFile))
        {
            foreach (var line in File.ReadLines(StatusFile))
            {
                // "VmHWM:     123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
