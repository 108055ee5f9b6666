using System.Diagnostics;
using System.Text;
using ImdbSentiment.Tests.Cli;

namespace ImdbSentiment.Tests.Faults;

/// <summary>The command line running in its own process, in the case's folder, for cases that act on it part way through.</summary>
internal sealed class RunningCommand : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    /// <param name="keepInputOpen">Leave standard input open for <see cref="WriteLine"/>; else it is closed at once.</param>
    public RunningCommand(FaultCase fault, bool keepInputOpen, params string[] arguments)
        : this(TrainerProcess.Assembly(), fault, keepInputOpen, arguments)
    {
    }

    public RunningCommand(FaultCase fault, params string[] arguments)
        : this(fault, keepInputOpen: false, arguments)
    {
    }

    private RunningCommand(string assembly, FaultCase fault, bool keepInputOpen, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = fault.Folder,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in fault.Environment)
            start.Environment[name] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Append(_output, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_error, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!keepInputOpen)
            _process.StandardInput.Close();
    }

    /// <summary>Another of the solution's programs (by its built dll), run the same way.</summary>
    public static RunningCommand OfAssembly(string assembly, FaultCase fault, params string[] arguments) => new(assembly, fault, keepInputOpen: false, arguments);

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public void WriteLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public string OutputSoFar
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public string ErrorSoFar
    {
        get
        {
            lock (_error)
                return _error.ToString();
        }
    }

    public void WaitUntil(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
            {
                // Its last lines may still be on their way through the output readers: WaitForExit() drains them.
                _process.WaitForExit();
                if (condition())
                    return;
                Assert.Fail($"the command ended before {what}: {OutputSoFar} {ErrorSoFar}");
            }
            if (watch.Elapsed > Patience)
                Assert.Fail($"no sign of {what} after {Patience.TotalSeconds} s");
            Thread.Sleep(10);
        }
    }

    /// <param name="signal">A signal name for kill(1): TERM, INT.</param>
    /// <returns>False when the process had already ended.</returns>
    public bool Send(string signal)
    {
        var start = new ProcessStartInfo("kill") { RedirectStandardError = true };
        foreach (var argument in new[] { "-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        using var kill = Process.Start(start)!;
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }

    public TrainerProcess.Outcome WaitForExit()
    {
        if (!_process.WaitForExit(Patience))
            Assert.Fail($"the command did not end within {Patience.TotalSeconds} s of the signal");
        _process.WaitForExit();
        return new TrainerProcess.Outcome(_process.ExitCode, OutputSoFar, ErrorSoFar);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
            return;
        lock (text)
            text.Append(line).Append('\n');
    }
}
