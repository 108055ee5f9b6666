using ImdbSentiment.Tests.Data;
using Markdig;
using Markdig.Syntax;

namespace ImdbSentiment.Tests.Docs;

/// <summary>The cluster examples of docs/sharding.md: sample files in the repository that the page shows word for word.</summary>
internal static class ShardingSamples
{
    public static string Root => DataFixtures.FindRepoRoot() ?? throw new AssertFailedException("repository root not found");

    public static string SlurmScript => Path.Combine(Root, "samples", "slurm", "score-shards.sbatch");

    public static string KubernetesJob => Path.Combine(Root, "samples", "kubernetes", "score-shards-job.yaml");

    public static string Page => Path.Combine(Root, "docs", "sharding.md");

    /// <summary>The contents of the page's fenced blocks of this language (```bash, ```yaml), as Markdown reads them.</summary>
    public static List<string> CodeBlocks(string language) =>
        [.. Markdown.Parse(File.ReadAllText(Page)).Descendants<FencedCodeBlock>()
            .Where(block => block.Info == language)
            .Select(block => block.Lines.ToString() + "\n")];
}
