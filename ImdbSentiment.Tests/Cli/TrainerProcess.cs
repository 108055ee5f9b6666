using System.Diagnostics;
using System.Text;

namespace ImdbSentiment.Tests.Cli;

/// <summary>Runs the imdb-sentiment command line in its own process, as a script would.</summary>
internal static class TrainerProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome RunWith(string? standardInput, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunAssembly(Assembly(), standardInput, environment, arguments);

    /// <summary>Runs any of the solution's programs (by its built dll) the same way.</summary>
    public static Outcome RunAssembly(string assembly, string? standardInput, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgram("dotnet", standardInput, environment, [assembly, .. arguments]);

    /// <summary>Runs any program the same way (UTF-8 in and out), e.g. the Python sample.</summary>
    public static Outcome RunProgram(string program, string? standardInput, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgramIn(null, TimeSpan.FromMinutes(5), program, standardInput, environment, arguments);

    /// <summary>Runs any program the same way in <paramref name="workingDirectory"/> (null: this process's), failing after <paramref name="patience"/>.</summary>
    public static Outcome RunProgramIn(
        string? workingDirectory, TimeSpan patience, string program, string? standardInput, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
            process.StandardInput.Write(standardInput);
        process.StandardInput.Close();
        if (!process.WaitForExit(patience))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish in {patience.TotalMinutes:0} minutes");
        }
        return new Outcome(process.ExitCode, output.Result, error.Result);
    }

    public static Outcome Run(params string[] arguments) => RunWith(null, null, arguments);

    internal static string Assembly() => BuiltAssembly.Of("ImdbSentiment.Trainer", "imdb-sentiment");
}
