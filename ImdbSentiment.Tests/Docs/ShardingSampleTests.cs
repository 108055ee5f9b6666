using System.Text.RegularExpressions;
using ImdbSentiment.Tests.Cli;
using YamlDotNet.RepresentationModel;

namespace ImdbSentiment.Tests.Docs;

/// <summary>
/// Issue 24: the Slurm and Kubernetes examples of docs/sharding.md are the sample files, word for word. The Slurm one is
/// run on a real Slurm by the opt-in SlurmArrayTests; the Kubernetes one is not run here, so it is read as Kubernetes
/// would read it: an Indexed Job whose completion index reaches score --shard INDEX/COUNT with COUNT its completions.
/// </summary>
[TestClass]
public sealed partial class ShardingSampleTests
{
    [TestMethod]
    public void TheShardingPage_ShowsTheSlurmSample_WordForWord()
    {
        var shown = ShardingSamples.CodeBlocks("bash").Where(block => block.Contains("#SBATCH")).ToList();

        Assert.HasCount(1, shown, "docs/sharding.md shows one sbatch script");
        Assert.AreEqual(File.ReadAllText(ShardingSamples.SlurmScript), shown[0], "docs/sharding.md's sbatch script is samples/slurm/score-shards.sbatch");
    }

    [TestMethod]
    public void TheShardingPage_ShowsTheKubernetesSample_WordForWord()
    {
        var shown = ShardingSamples.CodeBlocks("yaml");

        Assert.HasCount(1, shown, "docs/sharding.md shows one Kubernetes Job");
        Assert.AreEqual(File.ReadAllText(ShardingSamples.KubernetesJob), shown[0], "docs/sharding.md's Job is samples/kubernetes/score-shards-job.yaml");
    }

    [TestMethod]
    public void TheSlurmSample_IsBash_AndItsDefaultShardCountIsItsArraysSize()
    {
        var syntax = TrainerProcess.RunProgram("bash", null, null, "-n", ShardingSamples.SlurmScript);
        Assert.AreEqual(0, syntax.ExitCode, syntax.Error);

        var script = File.ReadAllText(ShardingSamples.SlurmScript);
        var array = ArrayDirective().Match(script);
        var defaultCount = DefaultShardCount().Match(script);
        Assert.IsTrue(array.Success && defaultCount.Success, "an #SBATCH --array=0-N directive and a SCORE_SHARDS default");
        Assert.AreEqual(int.Parse(array.Groups[1].Value) + 1, int.Parse(defaultCount.Groups[1].Value), "the array's tasks are the default count's shards");
    }

    [TestMethod]
    public void TheKubernetesSample_IsAnIndexedJob_WhoseIndexReachesShard()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(ShardingSamples.KubernetesJob))
            stream.Load(reader);
        Assert.HasCount(1, stream.Documents);
        var job = (YamlMappingNode)stream.Documents[0].RootNode;

        Assert.AreEqual("batch/v1", Scalar(job, "apiVersion"));
        Assert.AreEqual("Job", Scalar(job, "kind"));
        var spec = Mapping(job, "spec");
        Assert.AreEqual("Indexed", Scalar(spec, "completionMode"));
        var completions = int.Parse(Scalar(spec, "completions"));
        var pod = Mapping(Mapping(spec, "template"), "spec");
        // Kubernetes refuses a podFailurePolicy unless pods are never restarted in place, and FailIndex without a per-index limit.
        Assert.AreEqual("Never", Scalar(pod, "restartPolicy"));
        Assert.IsTrue(spec.Children.ContainsKey("backoffLimitPerIndex"), "FailIndex needs backoffLimitPerIndex");

        var containers = ((YamlSequenceNode)pod["containers"]).Cast<YamlMappingNode>().ToList();
        Assert.HasCount(1, containers);
        var container = containers[0];
        foreach (var rule in ((YamlSequenceNode)Mapping(spec, "podFailurePolicy")["rules"]).Cast<YamlMappingNode>())
        {
            if (rule.Children.ContainsKey("onExitCodes"))
                Assert.AreEqual(Scalar(container, "name"), Scalar(Mapping(rule, "onExitCodes"), "containerName"), "the exit-code rule names the container");
        }
        var args = ((YamlSequenceNode)container["args"]).Select(arg => ((YamlScalarNode)arg).Value!).ToList();
        Assert.AreEqual("score", args[0]);
        var shard = args.IndexOf("--shard");
        Assert.IsTrue(shard > 0 && shard + 1 < args.Count, "score is given --shard INDEX/COUNT");
        Assert.AreEqual($"$(JOB_COMPLETION_INDEX)/{completions}", args[shard + 1], "each pod's completion index over the completions");
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    [GeneratedRegex(@"^#SBATCH --array=0-(\d+)$", RegexOptions.Multiline)]
    private static partial Regex ArrayDirective();

    [GeneratedRegex(@"\$\{SCORE_SHARDS:-(\d+)\}")]
    private static partial Regex DefaultShardCount();
}
