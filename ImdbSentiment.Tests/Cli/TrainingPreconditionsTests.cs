using ImdbSentiment.Trainer.Cli;
using ImdbSentiment.Training;

namespace ImdbSentiment.Tests.Cli;

[TestClass]
public sealed class TrainingPreconditionsTests
{
    [TestMethod]
    public void MoreBatchSharesThanCores_AreKept_WithAWarning()
    {
        var cores = Environment.ProcessorCount;
        var options = new SentimentTrainingOptions().WithShares(cores + 1);
        var warnings = new StringWriter();

        var capped = TrainingPreconditions.CapThreads(options, warnings);

        Assert.AreEqual(cores + 1, capped.Trainer.Fit.BatchShares, "the shares decide the dropout masks: fewer would train another model");
        StringAssert.StartsWith(warnings.ToString(), $"warning: --batch-shares {cores + 1} runs {cores + 1} libtorch threads on the ");
    }

    [TestMethod]
    public void BatchSharesThatFitTheCores_SayNothing()
    {
        var warnings = new StringWriter();

        var kept = TrainingPreconditions.CapThreads(new SentimentTrainingOptions().WithShares(1), warnings);

        Assert.AreEqual(1, kept.Trainer.Fit.BatchShares);
        Assert.AreEqual("", warnings.ToString());
    }
}

file static class SharesOptions
{
    public static SentimentTrainingOptions WithShares(this SentimentTrainingOptions options, int shares) =>
        options with { Trainer = options.Trainer.WithFit(fit => fit with { BatchShares = shares }) };
}
