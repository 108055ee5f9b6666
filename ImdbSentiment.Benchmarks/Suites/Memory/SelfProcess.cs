using System.Diagnostics;

namespace ImdbSentiment.Benchmarks.Suites.Memory;

/// <summary>Starts this benchmark program again with other arguments, whether it runs as an apphost or as "dotnet program.dll".</summary>
internal static class SelfProcess
{
    /// <summary>Runs to the end and returns its standard output; its standard error goes to ours.</summary>
    public static string Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        start.FileName = host;
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"The child process '{string.Join(' ', start.ArgumentList)}' failed with exit code {process.ExitCode}.");
    }
}
