using ImdbSentiment.Model.Data;
using ImdbSentiment.Trainer.Output;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// Reads what --dataset names: from an aclImdb folder or archive (in one pass), train/ to train on and test/ (when
/// present) as the test set, or for evaluation test/ when present, else train/ (a test/ with one class missing is an
/// error for both); from a CSV/TSV file, all its rows. With --dev-test, the fixed development-test set is held out of
/// the training reviews and is the test set.
/// </summary>
internal static class DatasetLoader
{
    /// <param name="unlabelled">Also read an aclImdb data set's train/unsup/ reviews (only an aclImdb data set has them).</param>
    public static (ReviewReadResult Training, IReadOnlyList<LabeledReview>? Test, IReadOnlyList<string>? Unlabelled) ForTraining(
        string path, DelimitedFileOptions options, bool developmentTest, bool unlabelled, TextWriter log)
    {
        var isAclImdb = AclImdbReader.IsAclImdb(path);
        if (unlabelled && !isAclImdb)
            throw new UsageException($"--unlabelled reads the train/unsup/ reviews of an aclImdb folder or archive, and {path} is not one.");
        var (training, test, unsup) = isAclImdb ? ReadAclImdb(path, unlabelled, log) : (ReadFile(path, options, log), null, null);
        if (!developmentTest)
            return (training, test, unsup);

        var (remaining, held) = HoldOutDevelopmentTest(path, training.Reviews, log,
            "reviews left to train and validate on" + (test is null ? "." : " (the test/ split is not used: --dev-test reports on the development-test set)."));
        return (training with { Reviews = remaining }, held, unsup is null ? null : WithoutDevelopmentTestTexts(unsup, held, log));
    }

    /// <summary>The unlabelled reviews less those whose text is a development-test review's, logged when there are any.</summary>
    public static IReadOnlyList<string> WithoutDevelopmentTestTexts(IReadOnlyList<string> unlabelled, IReadOnlyList<LabeledReview> held, TextWriter log)
    {
        var kept = DevelopmentTestSet.WithoutTextsOf(unlabelled, held);
        if (kept.Count < unlabelled.Count)
            log.WriteLine($"Left out {Model.Plural.Of(unlabelled.Count - kept.Count, "unlabelled review")} whose text is also a development-test review's; {kept.Count:N0} unlabelled reviews left.");
        return kept;
    }

    /// <summary>The fixed development-test set held out of <paramref name="reviews"/> (for --dev-test), logged with what the rest is <paramref name="left"/> for.</summary>
    public static (IReadOnlyList<LabeledReview> Remaining, IReadOnlyList<LabeledReview> Held) HoldOutDevelopmentTest(
        string path, IReadOnlyList<LabeledReview> reviews, TextWriter log, string left)
    {
        if (reviews.Any(review => review.Group.Length == 0))
            throw new UsageException($"--dev-test holds out whole movies, but {path} does not say each review's movie: give an aclImdb data set with its train/urls_*.txt lists, or a CSV file with --group-col.");
        var (remaining, held) = DevelopmentTestSet.Split(reviews);
        log.WriteLine($"Development-test set: {held.Count:N0} reviews of {held.Select(r => r.Group).Distinct().Count():N0} movies held out; {remaining.Count:N0} {left}");
        return (remaining, held);
    }

    public static EvaluationData ForEvaluation(string path, DelimitedFileOptions options, TextWriter log)
    {
        if (!AclImdbReader.IsAclImdb(path))
        {
            var read = ReadFile(path, options, log);
            return new EvaluationData(read.Reviews, null, read.SkippedRows);
        }

        var (split, reviews) = AclImdbReader.ReadEvaluationSplit(path);
        log.WriteLine($"{path}: evaluating on the {split}/ split ({reviews.Count:N0} reviews).");
        return new EvaluationData(reviews, split, 0);
    }

    public static ReviewReadResult ReadFile(string path, DelimitedFileOptions options, TextWriter log)
    {
        var result = DelimitedReviewReader.Read(path, options);
        if (result.SkippedRows > 0)
            log.WriteLine($"{path}: skipped {Model.Plural.Of(result.SkippedRows, "bad row")} (first: {TerminalText.Escape(result.SkippedRowErrors[0].Message)}).");
        return result;
    }

    private static (ReviewReadResult Training, IReadOnlyList<LabeledReview>? Test, IReadOnlyList<string>? Unlabelled) ReadAclImdb(string path, bool unlabelled, TextWriter log)
    {
        var dataset = AclImdbReader.ReadAll(path, unlabelled);
        var unsup = unlabelled ? $", {dataset.Unlabelled.Count:N0} unlabelled reviews" : "";
        log.WriteLine(dataset.Test is null
            ? $"{path}: {dataset.Train.Count:N0} training reviews{unsup}; no test/ split, so no test set."
            : $"{path}: {dataset.Train.Count:N0} training reviews, {dataset.Test.Count:N0} test reviews{unsup}.");
        return (new ReviewReadResult(dataset.Train, []), dataset.Test, unlabelled ? dataset.Unlabelled : null);
    }
}
