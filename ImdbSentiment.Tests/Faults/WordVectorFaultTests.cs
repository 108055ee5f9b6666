using System.Globalization;
using System.Text.Json;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 22, word vectors: train --word-vectors refuses a bad file with one line naming the file and the line, and
/// flags that contradict the vectors with exit code 2, before anything is written; a good file's coverage is reported.
/// </summary>
[TestClass]
public sealed class WordVectorFaultTests
{
    private static readonly string[] Words = ["the", "movie", "film", "a", "plot", "great", "awful", "boring", "superb", "and"];

    [TestMethod]
    [DataRow("10 4\nthe 1 2 3 4\nmovie 1 2 3\n", "line 3", "expected 4 values after the word")]
    [DataRow("10 4\nthe 1 2 3 4\nmovie 1 2 NaN 4\n", "line 3", "value 3 is not a finite number")]
    [DataRow("the 1 2 3 4\n", "line 1", "expected the header line 'count dimensions'")]
    public void Train_WithABadVectorFile_FailsNamingTheFileAndLine_AndWritesNothing(string content, string line, string problem)
    {
        using var fault = new FaultCase();
        var vectors = fault.Input("bad.vec", content);

        var outcome = fault.Run(Train(fault, "--word-vectors", vectors));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--word-vectors", "bad.vec", line, problem);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("--embedding-size 16", "--embedding-size 16 does not match the 4 dimensions")]
    [DataRow("--architecture onehot-rnn", "--word-vectors need a network with an embedding table, and onehot-rnn has none")]
    [DataRow("--architecture ngram-bag", "--word-vectors need a network with an embedding table, and ngram-bag has none")]
    [DataRow("--freeze-vectors-epochs -1", "--freeze-vectors-epochs must be 0 or more")]
    public void Train_WithFlagsTheVectorsContradict_IsAUsageError(string flags, string message)
    {
        using var fault = new FaultCase();
        var vectors = fault.Input("good.vec", GoodVectors());

        var outcome = fault.Run(Train(fault, ["--word-vectors", vectors, .. flags.Split(' ')]));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, message);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_FreezingWithoutVectors_IsAUsageError()
    {
        using var fault = new FaultCase();

        var outcome = fault.Run(Train(fault, "--freeze-vectors-epochs", "2"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, "--freeze-vectors-epochs", "give --word-vectors FILE too");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Train_WithGoodVectors_ReportsTheirCoverage_OnTheConsoleInMetricsJsonAndTheCard()
    {
        using var fault = new FaultCase();
        var vectors = fault.Input("good.vec", GoodVectors());
        var model = fault.PathOf("out/model.zip");

        var outcome = fault.Run([.. Train(fault, "--word-vectors", vectors, "--architecture", "lstm", "--freeze-vectors-epochs", "1")[..^2], "--output", model]);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, "Word vectors: ");
        StringAssert.Contains(outcome.Output, "start from good.vec (11 words of 4 dimensions)");
        var report = ReportFolder.DefaultFor(model);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, ReportFolder.MetricsFileName)));
        var coverage = metrics.RootElement.GetProperty("wordVectors");
        var vocabulary = coverage.GetProperty("vocabularyWords").GetInt32();
        Assert.AreEqual(Words.Length, coverage.GetProperty("coveredWords").GetInt32(), "every file word but the one outside the vocabulary");
        Assert.IsGreaterThan(Words.Length, vocabulary, "the synthetic reviews have words the file lacks");
        Assert.AreEqual(4, metrics.RootElement.GetProperty("options").GetProperty("trainer").GetProperty("network").GetProperty("embeddingSize").GetInt32());
        StringAssert.Contains(File.ReadAllText(Path.Combine(report, ReportFolder.ModelCardFileName)),
            $"- Word vectors: `{vectors}`, 11 words of 4 dimensions; they started {Words.Length} of the {vocabulary} vocabulary words");
    }

    private static string GoodVectors()
    {
        var random = new Random(3);
        var lines = Words.Append("unseen").Select(word => $"{word} {string.Join(' ', Enumerable.Range(0, 4).Select(_ => random.NextDouble().ToString("F4", CultureInfo.InvariantCulture)))} ");
        return $"{Words.Length + 1} 4\n{string.Join('\n', lines)}\n";
    }

    private static string[] Train(FaultCase fault, params string[] flags)
    {
        var dataset = fault.Input("reviews.tsv", SyntheticReviews.Tsv(100, seed: 12));
        return ["train", "--dataset", dataset, "--vocab-size", "40", "--max-length", "10", "--epochs", "2", .. flags, "--output", fault.PathOf("out/never.zip")];
    }
}
