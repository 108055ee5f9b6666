using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Training;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>What train checks before the first epoch, so that a run that cannot give a useful model stops at once.</summary>
internal static class TrainingPreconditions
{
    /// <summary>
    /// More libtorch threads than cores only slow training down (100 threads on 2 cores ran 118 times slower), so they
    /// are capped. Batch shares are not: they decide each share's dropout masks, so fewer would train another model.
    /// </summary>
    public static SentimentTrainingOptions CapThreads(SentimentTrainingOptions options, TextWriter warnings)
    {
        var cores = Environment.ProcessorCount;
        var fit = options.Trainer.Fit;
        if (fit.Threads > cores)
        {
            warnings.WriteLine($"warning: --threads {fit.Threads} is more than the {Plural.Of(cores, "core")} of this machine; using {cores}.");
            fit = fit with { Threads = cores };
        }

        if (fit.BatchShares * fit.Threads > cores)
            warnings.WriteLine($"warning: --batch-shares {fit.BatchShares} runs {Plural.Of(fit.BatchShares * fit.Threads, "libtorch thread")} on the {Plural.Of(cores, "core")} of this machine: training is slower, the model the same.");
        return options with { Trainer = options.Trainer with { Fit = fit } };
    }

    /// <summary>Every setting in range, ceilings included, and the network within a model zip's size, before any data is read.</summary>
    /// <exception cref="ArgumentException">A flag's value is out of range: a usage error naming the flag.</exception>
    /// <exception cref="SettingsException">The settings together are refused: a usage error naming the flags to lower.</exception>
    public static void Validate(SentimentTrainingOptions options)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException combined) when (!OptionErrors.NamesAFlag(combined))
        {
            throw new SettingsException(OptionErrors.Describe(combined), combined);
        }
    }

    /// <summary>A recipe whose accuracy rests on word vectors is not run without them: the user is told how to make them.</summary>
    public static void RequireWordVectors(string recipe, SentimentTrainingOptions options)
    {
        if (TrainingRecipes.NeedsWordVectors(recipe) && options.Trainer.Network.WordVectors is null)
            throw new SettingsException(
                $"--recipe {recipe} starts its recurrent network from word vectors trained on the reviews: make them once with `imdb-sentiment vectors --dataset DATA --unlabelled --output vectors.vec` (add --dev-test when training with --dev-test) and pass --word-vectors vectors.vec.");
    }

    /// <summary>Unlabelled reviews are labelled by a fused recipe's n-gram bag for its recurrent network and itself, so they need one.</summary>
    public static void RequireFusedForUnlabelled(SentimentTrainingOptions options, bool unlabelled)
    {
        if (unlabelled && options.Trainer.FusedWith is null)
            throw new SettingsException("--unlabelled needs a fused recipe (--recipe best): its n-gram bag labels the unlabelled reviews for its recurrent network and itself.");
    }

    /// <summary>--split-by movie keeps each movie's reviews on one side of the split, so it needs every review's movie.</summary>
    public static void RequireGroups(string dataset, SplitKind split, bool separateValidation, IReadOnlyList<LabeledReview> training)
    {
        if (split != SplitKind.Group || separateValidation || GroupSelection.EveryReviewHasAGroup(training))
            return;
        throw new UsageException(
            $"--split-by movie: {dataset} does not give every review its movie: give --group-col COLUMN for a CSV/TSV file (an aclImdb folder or archive " +
            "gives each review's movie by its url lists), or use --split-by random");
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
