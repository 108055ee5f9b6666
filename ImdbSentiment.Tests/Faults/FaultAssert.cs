using ImdbSentiment.Tests.Cli;

namespace ImdbSentiment.Tests.Faults;

/// <summary>The shape every refused run must have: its exit code, one "error:" line naming what is wrong, no help text.</summary>
internal static class FaultAssert
{
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Cancelled = 3;

    /// <param name="mentions">What the error line must name: the flag, file, line or field, and what was expected.</param>
    public static string OneErrorLine(TrainerProcess.Outcome outcome, int exitCode, params string[] mentions)
    {
        Assert.AreEqual(exitCode, outcome.ExitCode, $"stdout: {outcome.Output}\nstderr: {outcome.Error}");
        var lines = outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, $"one line on standard error, got: {outcome.Error}");
        StringAssert.StartsWith(lines[0], "error: ");
        foreach (var mention in mentions)
            StringAssert.Contains(lines[0], mention);
        Assert.DoesNotContain("Usage:", outcome.Output, "no help text unless asked");
        Assert.DoesNotContain("   at ", outcome.Error, "no stack trace");
        return lines[0];
    }
}
