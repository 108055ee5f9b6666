using System.Diagnostics;
using System.Text;

namespace ImdbSentiment.Benchmarks.Suites.Processes;

/// <summary>One child process from start to exit, on the wall clock, with its exit code and what it printed.</summary>
internal sealed record TimedProcess(double Seconds, int ExitCode, string Output)
{
    public static TimedProcess Run(ProcessStartInfo start)
    {
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return new TimedProcess(stopwatch.Elapsed.TotalSeconds, process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
