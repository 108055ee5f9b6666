using System.Diagnostics;
using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Benchmarks.Suites.Processes;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Training.WordVectors.SkipGram;

namespace ImdbSentiment.Benchmarks.Suites.Vectors;

/// <summary>
/// vectors: word-vector training on the archive's training and unlabelled reviews, word2vec's defaults (100 dimensions,
/// 5 epochs, window 5, 5 negatives, min count 5) on 2 threads: <see cref="SkipGramTrainer"/> (OURS) beside Debian's
/// fastText skipgram (BASELINE, when the fasttext command is on PATH) on the same text as our tokenizer splits it, with
/// fastText's defaults (character n-grams 3-6, learning rate 0.05) and word-only (-maxn 0), run after ours.
/// </summary>
internal sealed class VectorsSuite : ISuite
{
    private static readonly string[] Probes = ["excellent", "awful", "boring"];
    private static readonly SkipGramOptions Options = new() { Threads = 2 };

    public string Name => "vectors";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        output.WriteLine("## vectors: skip-gram word vectors on the training + unlabelled reviews");
        output.WriteLine();
        Progress.Report("vectors: reading the training and unlabelled reviews...");
        var dataset = AclImdbReader.ReadAll(context.DataPath, unlabelled: true);
        var texts = dataset.Train.Select(review => review.Text).Concat(dataset.Unlabelled).ToArray();
        var corpus = SkipGramCorpus.Build(texts, Options.MinCount);

        Progress.Report($"vectors: ours, {corpus.TokensRead:N0} tokens x {Options.Epochs} epochs...");
        var vectors = SkipGramTrainer.Train(corpus, Options);
        var table = new MarkdownTable("trainer", "seconds", "corpus tokens/s", "vs ours");
        var ours = vectors.Elapsed.TotalSeconds;
        table.Add("OURS: SkipGramTrainer (managed, Hogwild, 2 threads)", Units.Seconds(ours, 1), Units.PerSecond(corpus.TokensRead * Options.Epochs / ours), "1.00x");

        using var folder = new TemporaryFolder();
        var fastText = FindFastText();
        if (fastText is not null)
        {
            var text = folder.File("tokens.txt");
            File.WriteAllLines(text, texts.Select(review => string.Join(' ', Model.Text.ReviewTokenizer.Tokenize(review))));
            foreach (var (name, extra) in new[] { ("BASELINE: fastText skipgram, its defaults (subwords 3-6, lr 0.05)", Array.Empty<string>()), ("BASELINE: fastText skipgram, words only (-maxn 0)", ["-maxn", "0"]) })
            {
                Progress.Report($"vectors: {name}...");
                var seconds = RunFastText(fastText, text, folder.File("ft"), extra);
                table.Add(name, Units.Seconds(seconds, 1), Units.PerSecond(corpus.TokensRead * Options.Epochs / seconds), Units.SpeedUp(ours, seconds));
            }
        }

        table.WriteTo(output);
        output.WriteLine($"{texts.Length:N0} reviews, {corpus.TokensRead:N0} tokens, {corpus.Words.Count:N0} words seen at least {Options.MinCount} times; " +
                         $"ours: training alone (reading and tokenising excluded); fastText: the whole process (it reads the tokenised text itself)." +
                         (fastText is null ? " fastText rows skipped: no fasttext command on PATH (Debian's fasttext package provides it)." : ""));
        output.WriteLine();
        var neighbours = new NearestNeighbours(vectors.Words, vectors.Vectors, vectors.Dimensions);
        foreach (var probe in Probes)
            output.WriteLine($"- nearest to {probe}: {string.Join(", ", neighbours.Of(probe, 10)?.Select(entry => $"{entry.Word} {entry.Cosine:F3}") ?? ["(no vector)"])}");
        output.WriteLine();
    }

    private static string? FindFastText() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(folder => Path.Combine(folder, "fasttext")).FirstOrDefault(File.Exists);

    private static double RunFastText(string fastText, string input, string outputPrefix, IEnumerable<string> extra)
    {
        var start = new ProcessStartInfo(fastText) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "skipgram", "-input", input, "-output", outputPrefix, "-dim", $"{Options.Dimensions}", "-epoch", $"{Options.Epochs}", "-thread", $"{Options.Threads}", "-minCount", $"{Options.MinCount}", "-verbose", "0" }.Concat(extra))
            start.ArgumentList.Add(argument);
        var run = TimedProcess.Run(start);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"fasttext failed (exit code {run.ExitCode}): {run.Output.Trim()}");
        return run.Seconds;
    }
}
