using ImdbSentiment.Tests.Cli;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.EndToEnd;

/// <summary>
/// A one-node Slurm started by scripts/slurm-test-cluster.sh in a folder of the test's own, on private ports, for one
/// test: submits and cancels jobs through its configuration alone, and stops every process it started when disposed.
/// </summary>
internal sealed class SlurmTestCluster : IDisposable
{
    // Installing Slurm and munge from Debian took about a minute here; a busy package lock can add minutes.
    private static readonly TimeSpan SetUpPatience = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan CommandPatience = TimeSpan.FromMinutes(2);
    private static readonly string[] UnfinishedStates = ["PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED", "REQUEUED", "RESIZING"];

    private readonly string _folder;

    private SlurmTestCluster(string folder) => _folder = folder;

    /// <summary>Starts the cluster in <paramref name="folder"/> (new), installing Slurm first when it is missing; Inconclusive where it cannot be had.</summary>
    public static SlurmTestCluster Start(string folder)
    {
        var cluster = new SlurmTestCluster(folder);
        TrainerProcess.Outcome started;
        try
        {
            started = cluster.Script("start", SetUpPatience);
        }
        catch (AssertFailedException)
        {
            // Timed out part way: the script stops what it started when it fails, but it was killed.
            cluster.Script("stop", CommandPatience);
            throw;
        }
        if (started.ExitCode == 0)
            return cluster;
        if (started.ExitCode == 3)
            Assert.Inconclusive($"no Slurm to run the sbatch sample on: {started.Output}{started.Error}");
        throw new AssertFailedException($"the test cluster did not start (exit {started.ExitCode}): {started.Output}{started.Error}\n{cluster.Logs()}");
    }

    public string Configuration => Path.Combine(_folder, "slurm.conf");

    /// <summary>Submits an sbatch script from <paramref name="workingDirectory"/> with <paramref name="environment"/> passed on, and returns the job id.</summary>
    public int Submit(string script, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] options)
    {
        var submitted = Slurm(workingDirectory, environment, "sbatch", ["--parsable", .. options, script]);
        Assert.AreEqual(0, submitted.ExitCode, $"sbatch: {submitted.Error}");
        return int.Parse(submitted.Output.Trim().Split(';')[0]);
    }

    public void Cancel(int job, int task)
    {
        var cancelled = Slurm(null, null, "scancel", $"{job}_{task}");
        Assert.AreEqual(0, cancelled.ExitCode, $"scancel: {cancelled.Error}");
    }

    /// <summary>Each array task's state and exit code (COMPLETED, 0:0), waiting until all have finished.</summary>
    public Dictionary<int, (string State, string ExitCode)> WaitForArray(int job, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var tasks = ArrayTasks(job);
            if (tasks.Count > 0 && tasks.Values.All(task => !UnfinishedStates.Contains(task.State)))
                return tasks.ToDictionary(task => int.Parse(task.Key), task => task.Value);
            if (DateTime.UtcNow > deadline)
                throw new AssertFailedException($"job {job} did not finish in {timeout.TotalMinutes:0} minutes: {string.Join(", ", tasks.Select(task => $"{task.Key} {task.Value.State}"))}\n{Logs()}");
            Thread.Sleep(500);
        }
    }

    private Dictionary<string, (string State, string ExitCode)> ArrayTasks(int job)
    {
        var shown = Slurm(null, null, "scontrol", "--oneliner", "show", "job", job.ToString());
        Assert.AreEqual(0, shown.ExitCode, $"scontrol show job {job}: {shown.Error}");
        // One line of KEY=VALUE fields per task; pending tasks share one (ArrayTaskId=2-11%1), unfinished whatever their ids.
        var records = shown.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')
            .Select(field => field.Split('=', 2)).Where(pair => pair.Length == 2).DistinctBy(pair => pair[0]).ToDictionary(pair => pair[0], pair => pair[1]));
        return records.ToDictionary(record => record["ArrayTaskId"], record => (record["JobState"], record["ExitCode"]));
    }

    private TrainerProcess.Outcome Slurm(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, string command, params string[] arguments)
    {
        var withConfiguration = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["SLURM_CONF"] = Configuration };
        return TrainerProcess.RunProgramIn(workingDirectory, CommandPatience, command, null, withConfiguration, arguments);
    }

    private TrainerProcess.Outcome Script(string action, TimeSpan patience) =>
        TrainerProcess.RunProgramIn(null, patience, "bash", null, null, Path.Combine(DataFixtures.FindRepoRoot()!, "scripts", "slurm-test-cluster.sh"), action, _folder);

    private string Logs()
    {
        var logs = Path.Combine(_folder, "log");
        return Directory.Exists(logs)
            ? string.Join("\n", Directory.GetFiles(logs).Select(log => $"--- {Path.GetFileName(log)}\n{string.Join("\n", File.ReadLines(log).TakeLast(20))}"))
            : "";
    }

    public void Dispose()
    {
        var stopped = Script("stop", CommandPatience);
        if (stopped.ExitCode != 0)
            throw new AssertFailedException($"the test cluster did not stop (exit {stopped.ExitCode}): {stopped.Output}{stopped.Error}");
    }
}
