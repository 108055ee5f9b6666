using System.Text.Json;
using ImdbSentiment.Tests.Faults;
using ImdbSentiment.Trainer.Reports;
using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Tests.WordVectors;

/// <summary>The vectors command as a script runs it: its flag errors, and a small run whose .vec train --word-vectors then reads with its provenance.</summary>
[TestClass]
public sealed class VectorsCommandTests
{
    [TestMethod]
    [DataRow("--dimensions 0", FaultAssert.Usage, "--dimensions must be at least 1")]
    [DataRow("--negative -1", FaultAssert.Usage, "--negative must be at least 1")]
    [DataRow("--subsample -0.5", FaultAssert.Usage, "--subsample must be 0 or more")]
    [DataRow("--window two", FaultAssert.Usage, "--window")]
    [DataRow("--unlabelled", FaultAssert.Usage, "--unlabelled reads the unlabelled reviews of an aclImdb folder or archive")]
    [DataRow("--dev-test", FaultAssert.Failure, "--dev-test holds out whole movies")]
    public void ABadFlag_GivesOneErrorLine_AndWritesNothing(string flags, int exitCode, string message)
    {
        using var fault = new FaultCase();
        var corpus = fault.Input("reviews.txt", Reviews());

        var outcome = fault.Run(["vectors", "--dataset", corpus, "--output", fault.PathOf("out/vectors.vec"), .. flags.Split(' ')]);

        FaultAssert.OneErrorLine(outcome, exitCode, message);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void AnExistingOutput_IsReplacedOnlyWithForce()
    {
        using var fault = new FaultCase();
        var corpus = fault.Input("reviews.txt", Reviews());
        var existing = fault.Input("vectors.vec", "1 1\nkeep 1\n");

        var outcome = fault.Run("vectors", "--dataset", corpus, "--output", existing);

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--output", "exists already", "--force");
        Assert.AreEqual("1 1\nkeep 1\n", File.ReadAllText(existing));
    }

    [TestMethod]
    public void ASmallRun_WritesVectorsThatTrainReads_WithTheirProvenanceInTheCard()
    {
        using var fault = new FaultCase();
        var corpus = fault.Input("reviews.txt", Reviews());
        var vectors = fault.PathOf("out/vectors.vec");

        var run = fault.Run("vectors", "--dataset", corpus, "--output", vectors, "--dimensions", "8", "--epochs", "2", "--min-count", "2", "--neighbours", "great,unheard");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "epoch 2/2, 100%");
        StringAssert.Contains(run.Output, "Nearest to great: ");
        StringAssert.Contains(run.Output, "Nearest to unheard: (no vector");
        var header = WordVectorReader.ReadHeader(vectors);
        Assert.AreEqual(8, header.Dimensions);
        var provenance = WordVectorProvenance.ReadBeside(vectors)!;
        Assert.AreEqual(header.Count, provenance.Words);
        Assert.AreEqual(2, provenance.Settings.Epochs);
        StringAssert.Contains(provenance.CommandLine, "vectors --dataset");

        var model = fault.PathOf("out/model.zip");
        var dataset = fault.Input("reviews.tsv", SyntheticReviews.Tsv(100, seed: 13));
        var train = fault.Run("train", "--dataset", dataset, "--architecture", "gru", "--vocab-size", "40", "--max-length", "10", "--epochs", "1", "--word-vectors", vectors, "--output", model);

        Assert.AreEqual(0, train.ExitCode, train.Error);
        var card = File.ReadAllText(Path.Combine(ReportFolder.DefaultFor(model), ReportFolder.ModelCardFileName));
        StringAssert.Contains(card, "skip-gram with negative sampling");
        StringAssert.Contains(card, $"{provenance.Reviews:N0} reviews");
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportFolder.DefaultFor(model), ReportFolder.MetricsFileName)));
        Assert.AreEqual(8, metrics.RootElement.GetProperty("wordVectors").GetProperty("provenance").GetProperty("settings").GetProperty("dimensions").GetInt32());
    }

    private static string Reviews() => string.Concat(SyntheticReviews.Create(200, seed: 12).Select(review => review.Text + "\n"));
}
