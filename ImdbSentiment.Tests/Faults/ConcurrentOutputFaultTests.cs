using System.Text;
using System.Text.RegularExpressions;
using ImdbSentiment.Tests.Cli;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 9: processes that write the same output at once (a retried pod, a restarted job, two shards given one
/// folder) never destroy each other's work nor score a file twice; only one of two writers of one file succeeds; a
/// temporary file a killed writer left is cleaned up by the next one.
/// </summary>
[TestClass]
public sealed partial class ConcurrentOutputFaultTests
{
    [TestMethod]
    public void TwoScoreRunsOnOneOutputFolder_ScoreEveryInputOnce_AndBothSucceed()
    {
        using var fault = new FaultCase();
        const int Inputs = 6, Rows = 15_000;
        for (var i = 0; i < Inputs; i++)
            fault.Input($"in/part-{i}.csv", ReviewsCsv(Rows, seed: i));
        string[] arguments = ["score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("out")];

        using var first = new RunningCommand(fault, arguments);
        using var second = new RunningCommand(fault, arguments);
        var outcomes = new[] { first.WaitForExit(), second.WaitForExit() };

        foreach (var outcome in outcomes)
            Assert.AreEqual(0, outcome.ExitCode, outcome.Output + outcome.Error);
        var scored = outcomes.SelectMany(outcome => ScoredLine().Matches(outcome.Output).Select(match => match.Groups["output"].Value)).Order(StringComparer.Ordinal).ToList();
        var outputs = Enumerable.Range(0, Inputs).Select(i => fault.PathOf($"out/part-{i}.csv")).ToList();
        CollectionAssert.AreEqual(outputs, scored, "each input scored once, by one of the runs: " + string.Join(" | ", outcomes.Select(outcome => outcome.Output)));
        foreach (var output in outputs)
            Assert.AreEqual(Rows + 1, File.ReadLines(output).Count(), output);
        fault.AssertOnlyLeft([.. outputs]);
    }

    [TestMethod]
    public void TwoScoreRunsWritingOneFile_OnlyOneSucceeds_AndTheFileIsItsOutput()
    {
        using var fault = new FaultCase();
        var large = fault.Input("large.csv", ReviewsCsv(150_000, seed: 1));
        var small = fault.Input("small.csv", ReviewsCsv(10, seed: 2));
        var output = fault.PathOf("scored.csv");
        using var first = new RunningCommand(fault, "score", "--model", FaultCase.ShippedModel, "--input", large, "--output", output);
        first.WaitUntil(() => TemporaryBeside(output).Any(), "the first run's temporary file");

        var second = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", small, "--output", output);
        var firstOutcome = first.WaitForExit();

        Assert.AreEqual(0, firstOutcome.ExitCode, firstOutcome.Error);
        FaultAssert.OneErrorLine(second, FaultAssert.Failure, output, "another process is writing");
        Assert.AreEqual(150_001, File.ReadLines(output).Count(), "the file is the run that reported success");
        fault.AssertOnlyLeft(output);
    }

    [TestMethod]
    public void AKilledScore_LeavesATemporaryFile_ThatTheNextRunOfTheSameOutputDeletes()
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", ReviewsCsv(150_000, seed: 3));
        var output = fault.PathOf("scored.csv");
        using (var killed = new RunningCommand(fault, "score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output))
        {
            killed.WaitUntil(() => TemporaryBeside(output).Any(), "the temporary file");
            Assert.IsTrue(killed.Send("KILL"));
            killed.WaitForExit();
        }
        Assert.IsNotEmpty(TemporaryBeside(output), "SIGKILL leaves the temporary file (no handler runs)");

        var rerun = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output);

        Assert.AreEqual(0, rerun.ExitCode, rerun.Error);
        fault.AssertFolderHoldsOnly(output);
    }

    private static string ReviewsCsv(int rows, int seed)
    {
        var text = new StringBuilder("id,text\n");
        foreach (var (review, i) in SyntheticReviews.Create(rows, seed).Select((review, i) => (review, i)))
            text.Append(i).Append(',').Append(review.Text).Append('\n');
        return text.ToString();
    }

    private static IEnumerable<string> TemporaryBeside(string output) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.*.tmp");

    [GeneratedRegex(@"^Scored \S+ rows? into (?<output>\S+) ", RegexOptions.Multiline)]
    private static partial Regex ScoredLine();
}
