using System.ComponentModel;
using System.Diagnostics;

namespace ImdbSentiment.Benchmarks.Measurement;

/// <summary>Runs the baselines' Python scripts (copied beside the program) with the first interpreter that imports what they need.</summary>
internal static class PythonScript
{
    /// <summary>The PATH's python3 first, then Debian's, which has the apt-installed python3-sklearn and python3-torch.</summary>
    public static readonly string[] Interpreters = ["python3", "/usr/bin/python3"];

    /// <summary>The first interpreter that runs <paramref name="imports"/> (e.g. "import torch"), or null.</summary>
    public static string? FindInterpreter(string imports) =>
        Interpreters.FirstOrDefault(python =>
        {
            try
            {
                return Run(python, "-c", imports).ExitCode == 0;
            }
            catch (Win32Exception)
            {
                return false;
            }
        });

    /// <summary>The path of a script under the program's folder, e.g. ("Suites", "Epoch", "torch_epoch.py").</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, .. parts]);

    /// <summary>Runs <paramref name="script"/> and returns its standard output, or throws with its standard error when it fails.</summary>
    public static string RunScript(string python, string script, params string[] arguments)
    {
        var (exitCode, output, error) = Run(python, [script, .. arguments]);
        return exitCode == 0 ? output : throw new InvalidOperationException($"{script} failed with exit code {exitCode}: {error}");
    }

    private static (int ExitCode, string Output, string Error) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
