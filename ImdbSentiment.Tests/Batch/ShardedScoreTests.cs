using System.Text;
using System.Text.RegularExpressions;
using ImdbSentiment.Tests.Faults;

namespace ImdbSentiment.Tests.Batch;

/// <summary>
/// Issue 12, item 3: n score processes with --shard i/n split the inputs with no overlap and no gap, their outputs are
/// those of one run, and a shard that was killed resumes on a rerun without scoring anything twice.
/// </summary>
[TestClass]
public sealed class ShardedScoreTests
{
    [TestMethod]
    public void ThreeShardProcesses_ScoreEveryInputOnce_AsOneRunDoes()
    {
        using var fault = new FaultCase();
        var names = Inputs(fault, count: 9, rows: 300);
        var single = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("single"));
        Assert.AreEqual(0, single.ExitCode, single.Error);

        var shards = Enumerable.Range(0, 3).Select(i => new RunningCommand(fault,
            "score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("sharded"), "--shard", $"{i}/3")).ToList();
        var outcomes = shards.Select(shard => shard.WaitForExit()).ToList();
        shards.ForEach(shard => shard.Dispose());

        Assert.IsTrue(outcomes.All(outcome => outcome.ExitCode == 0), string.Join("\n", outcomes.Select(outcome => outcome.Error)));
        var scoredByShard = outcomes.Select(outcome => ScoredOutputs(outcome.Output)).ToList();
        CollectionAssert.AreEquivalent(names, scoredByShard.SelectMany(scored => scored).ToList(), "each input scored by exactly one shard");
        Assert.IsTrue(scoredByShard.Count(scored => scored.Count > 0) >= 2, "the work is split, not done by one shard");
        for (var i = 0; i < 3; i++)
            StringAssert.Contains(outcomes[i].Output, $"Shard {i}/3: {Plural(scoredByShard[i].Count)} of 9: {scoredByShard[i].Count} scored, 0 already complete.");
        foreach (var name in names)
            CollectionAssert.AreEqual(File.ReadAllBytes(fault.PathOf($"single/{name}")), File.ReadAllBytes(fault.PathOf($"sharded/{name}")), name);
        fault.AssertOnlyLeft([.. names.Select(name => fault.PathOf($"single/{name}")), .. names.Select(name => fault.PathOf($"sharded/{name}"))]);
    }

    [TestMethod]
    [DataRow("KILL")]
    [DataRow("TERM")]
    public void AShardStoppedPartWay_ResumesOnARerun_WithoutScoringAnInputTwice(string signal)
    {
        using var fault = new FaultCase();
        var names = Inputs(fault, count: 5, rows: 8_000);
        var arguments = new[] { "score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("out"), "--shard", "0/1" };

        using (var first = new RunningCommand(fault, arguments))
        {
            // One output finished and the next one under way (its temporary file is there).
            first.WaitUntil(() => Directory.Exists(fault.PathOf("out")) && Directory.EnumerateFiles(fault.PathOf("out"), "*.csv").Any()
                && Directory.EnumerateFiles(fault.PathOf("out"), ".*.tmp").Any(), "the first output and the second one's temporary file");
            Assert.IsTrue(first.Send(signal));
            var stopped = first.WaitForExit();
            Assert.AreNotEqual(0, stopped.ExitCode);
            if (signal == "TERM")
            {
                Assert.AreEqual(FaultAssert.Cancelled, stopped.ExitCode, stopped.Error);
                StringAssert.Contains(stopped.Error, "which left no output; the outputs finished before it");
            }
        }
        var finished = Directory.GetFiles(fault.PathOf("out"), "*.csv").ToDictionary(path => Path.GetFileName(path), File.GetLastWriteTimeUtc);
        var leftovers = Directory.GetFiles(fault.PathOf("out"), ".*.tmp").Length;
        Assert.IsTrue(finished.Count is > 0 and < 5, $"stopped part way: {finished.Count} of 5 done");
        // SIGKILL leaves the temporary file of the input it was scoring (unless it struck between two inputs); SIGTERM removes it.
        Assert.IsLessThanOrEqualTo(signal == "KILL" ? 1 : 0, leftovers);

        var rerun = fault.Run(arguments);

        Assert.AreEqual(0, rerun.ExitCode, rerun.Error);
        var rescored = ScoredOutputs(rerun.Output);
        CollectionAssert.AreEquivalent(names.Except(finished.Keys).ToList(), rescored, "the rerun scores exactly what was not finished");
        foreach (var (name, written) in finished)
        {
            StringAssert.Contains(rerun.Output, $"Skipped {name}: ");
            Assert.AreEqual(written, File.GetLastWriteTimeUtc(fault.PathOf($"out/{name}")), $"{name} was not written again");
        }
        StringAssert.Contains(rerun.Output, $"5 inputs of 5: {5 - finished.Count} scored, {finished.Count} already complete.");
        if (leftovers > 0)
            StringAssert.Contains(rerun.Output, "Removed 1 temporary file a killed run had left beside it.");
        var reference = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("reference"));
        Assert.AreEqual(0, reference.ExitCode, reference.Error);
        foreach (var name in names)
            CollectionAssert.AreEqual(File.ReadAllBytes(fault.PathOf($"reference/{name}")), File.ReadAllBytes(fault.PathOf($"out/{name}")), name);
        string[] outputs = [.. names.Select(name => fault.PathOf($"out/{name}")), .. names.Select(name => fault.PathOf($"reference/{name}"))];
        // SIGKILL leaves what the killed process had in TMPDIR (the model's unpacked ONNX file): nothing can remove it.
        if (signal == "KILL")
            fault.AssertFolderHoldsOnly(outputs);
        else
            fault.AssertOnlyLeft(outputs);
    }

    /// <summary>Writes in/part-0.csv to in/part-(count-1).csv, each an id,text header and <paramref name="rows"/> reviews; returns their names.</summary>
    internal static List<string> Inputs(FaultCase fault, int count, int rows)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder("id,text\n");
            foreach (var (review, row) in SyntheticReviews.Create(rows, seed: 20 + i).Select((review, row) => (review, row)))
                text.Append(row).Append(',').Append(review.Text).Append('\n');
            names.Add($"part-{i}.csv");
            fault.Input($"in/part-{i}.csv", text.ToString());
        }
        return names;
    }

    /// <summary>The file names of the outputs a score --output-dir run says it scored.</summary>
    internal static List<string> ScoredOutputs(string output) =>
        [.. Regex.Matches(output, @"^Scored [\d,]+ rows into (.+) \(", RegexOptions.Multiline).Select(match => Path.GetFileName(match.Groups[1].Value))];

    private static string Plural(int inputs) => inputs == 1 ? "1 input" : $"{inputs} inputs";
}
