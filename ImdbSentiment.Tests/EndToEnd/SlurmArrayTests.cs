using ImdbSentiment.Model.Batch;
using ImdbSentiment.Tests.Batch;
using ImdbSentiment.Tests.Cli;
using ImdbSentiment.Tests.Docs;
using ImdbSentiment.Tests.Faults;

namespace ImdbSentiment.Tests.EndToEnd;

/// <summary>
/// Issue 24: docs/sharding.md's sbatch script (samples/slurm/score-shards.sbatch, unchanged, its variables set) run as
/// an array job on a real one-node Slurm that scripts/slurm-test-cluster.sh starts for the test and stops after it
/// (installing Slurm and munge from Debian first when they are missing; Inconclusive where they cannot be had). Opt-in:
/// dotnet test ImdbSentiment.Tests -c Release --filter "TestCategory=EndToEnd&amp;FullyQualifiedName~Slurm"
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class SlurmArrayTests
{
    private static readonly TimeSpan JobPatience = TimeSpan.FromMinutes(10);

    [TestMethod]
    public void TheSampleArray_ScoresEveryInputOnce_AsOneProcessDoes()
    {
        using var fault = new FaultCase();
        var names = ShardedScoreTests.Inputs(fault, count: 9, rows: 300);
        var single = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("single"));
        Assert.AreEqual(0, single.ExitCode, single.Error);

        using (var cluster = SlurmTestCluster.Start(fault.PathOf("cluster")))
        {
            var job = cluster.Submit(ShardingSamples.SlurmScript, Folder(fault, "logs"), SampleEnvironment(fault, "sharded", shards: 3), "--array=0-2");
            var tasks = cluster.WaitForArray(job, JobPatience);

            CollectionAssert.AreEquivalent(new[] { 0, 1, 2 }, tasks.Keys.ToList());
            Assert.IsTrue(tasks.Values.All(task => task == ("COMPLETED", "0:0")), string.Join(", ", tasks));
            var scoredByTask = Enumerable.Range(0, 3).Select(task => ShardedScoreTests.ScoredOutputs(TaskLog(fault, job, task))).ToList();
            CollectionAssert.AreEquivalent(names, scoredByTask.SelectMany(scored => scored).ToList(), "each input scored by exactly one task");
            for (var task = 0; task < 3; task++)
            {
                CollectionAssert.AreEquivalent(names.Where(Shard.Parse($"{task}/3").Takes).ToList(), scoredByTask[task], $"task {task} scores shard {task}/3");
                StringAssert.Contains(TaskLog(fault, job, task), $"Shard {task}/3: ");
            }
        }
        foreach (var name in names)
            CollectionAssert.AreEqual(File.ReadAllBytes(fault.PathOf($"single/{name}")), File.ReadAllBytes(fault.PathOf($"sharded/{name}")), name);
        Assert.IsEmpty(Directory.GetFiles(fault.PathOf("sharded"), ".*"), "no temporary file is left beside the outputs");
        fault.AssertNoTemporaryFiles();
    }

    [TestMethod]
    public void ATaskCancelledPartWay_IsResubmittedAlone_AndScoresOnlyWhatWasMissing()
    {
        using var fault = new FaultCase();
        // Inputs large enough (about a second each here) for the cancel to land while shard 0 is under way.
        var names = ShardedScoreTests.Inputs(fault, count: 8, rows: 40_000);
        var shardZero = names.Where(Shard.Parse("0/2").Takes).ToList();
        Assert.IsGreaterThanOrEqualTo(3, shardZero.Count, "shard 0/2 has inputs enough to be cancelled part way");
        var reference = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", fault.PathOf("in"), "--output-dir", fault.PathOf("reference"));
        Assert.AreEqual(0, reference.ExitCode, reference.Error);
        var environment = SampleEnvironment(fault, "out", shards: 2);
        var logs = Folder(fault, "logs");

        using (var cluster = SlurmTestCluster.Start(fault.PathOf("cluster")))
        {
            var job = cluster.Submit(ShardingSamples.SlurmScript, logs, environment, "--array=0-1");
            WaitUntil(() => File.Exists(TaskLogPath(fault, job, 0)) && ShardedScoreTests.ScoredOutputs(File.ReadAllText(TaskLogPath(fault, job, 0))).Count > 0,
                "task 0 has finished its first output");
            cluster.Cancel(job, 0);
            var tasks = cluster.WaitForArray(job, JobPatience);

            Assert.AreEqual("CANCELLED", tasks[0].State, string.Join(", ", tasks));
            Assert.AreEqual(("COMPLETED", "0:0"), tasks[1]);
            // scancel sends SIGTERM: score stops between chunks and removes the temporary file of the input it was on.
            StringAssert.Contains(TaskLog(fault, job, 0), "cancelled by Ctrl-C or SIGTERM while scoring");
            Assert.IsEmpty(Directory.GetFiles(fault.PathOf("out"), ".*"), "no temporary file is left beside the outputs");
            var finished = Directory.GetFiles(fault.PathOf("out"), "*.csv").ToDictionary(path => Path.GetFileName(path), File.GetLastWriteTimeUtc);
            var finishedByZero = shardZero.Intersect(finished.Keys).ToList();
            Assert.IsTrue(finishedByZero.Count > 0 && finishedByZero.Count < shardZero.Count, $"cancelled part way: {finishedByZero.Count} of {shardZero.Count} done");

            var rerun = cluster.Submit(ShardingSamples.SlurmScript, logs, environment, "--array=0");
            Assert.AreEqual(("COMPLETED", "0:0"), cluster.WaitForArray(rerun, JobPatience)[0]);

            var rerunLog = TaskLog(fault, rerun, 0);
            CollectionAssert.AreEquivalent(shardZero.Except(finishedByZero).ToList(), ShardedScoreTests.ScoredOutputs(rerunLog), "the rerun scores exactly what was missing");
            foreach (var name in finishedByZero)
                StringAssert.Contains(rerunLog, $"Skipped {name}: ");
            StringAssert.Contains(rerunLog, $"Shard 0/2: {shardZero.Count} inputs of 8: {shardZero.Count - finishedByZero.Count} scored, {finishedByZero.Count} already complete.");
            foreach (var (name, written) in finished)
                Assert.AreEqual(written, File.GetLastWriteTimeUtc(fault.PathOf($"out/{name}")), $"{name} was not written again");
        }
        foreach (var name in names)
            CollectionAssert.AreEqual(File.ReadAllBytes(fault.PathOf($"reference/{name}")), File.ReadAllBytes(fault.PathOf($"out/{name}")), name);
        fault.AssertNoTemporaryFiles();
    }

    // The sample's variables, as a user sets them when submitting; TMPDIR is the case's, so what score leaves there is seen.
    private static Dictionary<string, string> SampleEnvironment(FaultCase fault, string outputFolder, int shards) => new(fault.Environment)
    {
        ["IMDB_SENTIMENT_DLL"] = TrainerProcess.Assembly(),
        ["SCORE_MODEL"] = FaultCase.ShippedModel,
        ["SCORE_INPUT"] = fault.PathOf("in"),
        ["SCORE_OUTPUT_DIR"] = fault.PathOf(outputFolder),
        ["SCORE_SHARDS"] = shards.ToString(),
    };

    private static string Folder(FaultCase fault, string name) => Directory.CreateDirectory(fault.PathOf(name)).FullName;

    // The sample's --output=score-%A_%a.log, in the folder sbatch was run in.
    private static string TaskLogPath(FaultCase fault, int job, int task) => fault.PathOf($"logs/score-{job}_{task}.log");

    private static string TaskLog(FaultCase fault, int job, int task) => File.ReadAllText(TaskLogPath(fault, job, task));

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + JobPatience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"waited {JobPatience.TotalMinutes:0} minutes for: {what}");
            Thread.Sleep(100);
        }
    }
}
