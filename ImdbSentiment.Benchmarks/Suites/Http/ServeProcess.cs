using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ImdbSentiment.Benchmarks.Suites.Http;

/// <summary>
/// <c>imdb-sentiment serve</c> in its own process on a free loopback port, as a deployment would run it; disposing
/// sends SIGTERM (the graceful stop) and waits for the exit code.
/// </summary>
internal sealed partial class ServeProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The exit code after <see cref="Dispose"/>: 0 when the graceful stop worked.</summary>
    public int? ExitCode { get; private set; }

    public static ServeProcess Start(string cliAssembly, string modelPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cliAssembly, "serve", "--model", modelPath, "--urls", "http://127.0.0.1:0" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        // The first line says where it listens; the rest is drained so the server never blocks on a full pipe.
        var first = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) => first.TrySetResult(line.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!first.Task.Wait(Patience) || first.Task.Result is not { } line || ServingLine().Match(line) is not { Success: true } match)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"serve did not start within {Patience.TotalSeconds} s (first line: {(first.Task.IsCompleted ? first.Task.Result : "none")}).");
        }
        return new ServeProcess(process, new Uri(match.Groups["address"].Value));
    }

    public void Dispose()
    {
        if (!_process.HasExited && Kill(_process.Id, Sigterm) == 0 && _process.WaitForExit(Patience))
            ExitCode = _process.ExitCode;
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"^Serving .* on (?<address>http://[0-9.]+:[0-9]+): ")]
    private static partial Regex ServingLine();
}
