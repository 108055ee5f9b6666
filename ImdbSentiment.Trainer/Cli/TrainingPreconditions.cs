using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Training;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>What train checks before the first epoch, so that a run that cannot give a useful model stops at once.</summary>
internal static class TrainingPreconditions
{
    /// <summary>More libtorch threads than cores only slow training down (100 threads on 2 cores ran 118 times slower).</summary>
    public static SentimentTrainingOptions CapThreads(SentimentTrainingOptions options, TextWriter warnings)
    {
        var cores = Environment.ProcessorCount;
        if (options.Trainer.Fit.Threads <= cores)
            return options;
        warnings.WriteLine($"warning: --threads {options.Trainer.Fit.Threads} is more than the {Plural.Of(cores, "core")} of this machine; using {cores}.");
        return options with { Trainer = options.Trainer with { Fit = options.Trainer.Fit with { Threads = cores } } };
    }

    /// <summary>A model trained on one class only answers that class for every review.</summary>
    public static void RequireBothClasses(string dataset, IReadOnlyList<LabeledReview> training)
    {
        var positive = training.Count(review => review.Label);
        if (positive > 0 && positive < training.Count)
            return;
        var label = positive > 0 ? "positive" : "negative";
        throw new UsageException(
            $"{dataset}: all {Plural.Of(training.Count, "training review")} are {label}: training needs both positive and negative reviews (check --label-col and the label values)");
    }
}
