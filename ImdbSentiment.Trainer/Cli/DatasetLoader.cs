using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// Reads what --dataset names: from an aclImdb folder or archive, train/ to train on and test/ (when present) as the
/// test set, or for evaluation test/ when present, else train/; from a CSV/TSV file, all its rows.
/// </summary>
internal static class DatasetLoader
{
    /// <summary>The training reviews and the test set: the archive's test/ split, or with <paramref name="developmentTest"/> the fixed development-test set held out of the training reviews.</summary>
    public static (IReadOnlyList<LabeledReview> Training, IReadOnlyList<LabeledReview>? Test) ForTraining(string path, DelimitedFileOptions options, bool developmentTest, TextWriter log)
    {
        var (training, test) = AclImdbReader.IsAclImdb(path) ? ReadAclImdb(path, log) : (ReadFile(path, options, log), null);
        if (!developmentTest)
            return (training, test);

        if (training.Any(review => review.Group.Length == 0))
            throw new UsageException($"--dev-test holds out whole movies, but {path} does not say each review's movie: give an aclImdb data set with its train/urls_*.txt lists, or a CSV file with --group-col.");
        var (remaining, held) = DevelopmentTestSet.Split(training);
        log.WriteLine($"Development-test set: {held.Count:N0} reviews of {held.Select(r => r.Group).Distinct().Count():N0} movies held out; {remaining.Count:N0} reviews left to train and validate on" +
            (test is null ? "." : $" (the test/ split is not used: --dev-test reports on the development-test set)."));
        return (remaining, held);
    }

    private static (IReadOnlyList<LabeledReview> Training, IReadOnlyList<LabeledReview>? Test) ReadAclImdb(string path, TextWriter log)
    {
        var dataset = AclImdbReader.ReadAll(path);
        log.WriteLine(dataset.Test is null
            ? $"{path}: {dataset.Train.Count:N0} training reviews; no test/ split, so no test set."
            : $"{path}: {dataset.Train.Count:N0} training reviews, {dataset.Test.Count:N0} test reviews.");
        return (dataset.Train, dataset.Test);
    }

    public static IReadOnlyList<LabeledReview> ForEvaluation(string path, DelimitedFileOptions options, TextWriter log)
    {
        if (!AclImdbReader.IsAclImdb(path))
            return ReadFile(path, options, log);

        var split = AclImdbReader.HasSplit(path, "test") ? "test" : "train";
        var reviews = AclImdbReader.Read(path, split);
        log.WriteLine($"{path}: evaluating on the {split}/ split ({reviews.Count:N0} reviews).");
        return reviews;
    }

    public static IReadOnlyList<LabeledReview> ReadFile(string path, DelimitedFileOptions options, TextWriter log)
    {
        var result = DelimitedReviewReader.Read(path, options);
        if (result.SkippedRows > 0)
            log.WriteLine($"{path}: skipped {result.SkippedRows:N0} bad rows (first: {result.SkippedRowErrors[0].Message}).");
        return result.Reviews;
    }
}
