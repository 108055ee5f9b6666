using System.Globalization;
using ImdbSentiment.Tests.Cli;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Runs the command line with its managed heap capped (DOTNET_GCHeapHardLimit: a reader that buffers without end fails
/// with an out-of-memory stack trace instead of taking the machine's memory) and samples its peak resident memory
/// (VmHWM in /proc/PID/status) while it runs.
/// </summary>
internal static class MemoryBoundedRun
{
    public const long HeapLimitBytes = 256L << 20;

    /// <summary>Well above the ~75 MB a score of one row takes, well below what a buffered 20 MB line costs as UTF-16 strings.</summary>
    public const long PeakResidentLimitBytes = 300L << 20;

    public sealed record Result(TrainerProcess.Outcome Outcome, long PeakResidentBytes);

    public static Result Run(FaultCase fault, params string[] arguments)
    {
        fault.CapManagedHeap(HeapLimitBytes);
        using var command = new RunningCommand(fault, arguments);
        long peak = 0;
        while (!command.HasExited)
        {
            peak = Math.Max(peak, PeakResidentBytes(command.Id));
            Thread.Sleep(5);
        }
        return new Result(command.WaitForExit(), peak);
    }

    public static void AssertBounded(Result result) =>
        Assert.IsLessThan(PeakResidentLimitBytes, result.PeakResidentBytes, $"peak resident memory {result.PeakResidentBytes >> 20} MB");

    private static long PeakResidentBytes(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // The process ended between two samples.
        }
    }
}
