using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// Reads what --dataset names: from an aclImdb folder or archive, train/ to train on and test/ (when present) as the
/// test set, or for evaluation test/ when present, else train/; from a CSV/TSV file, all its rows.
/// </summary>
internal static class DatasetLoader
{
    public static (IReadOnlyList<LabeledReview> Training, IReadOnlyList<LabeledReview>? Test) ForTraining(string path, DelimitedFileOptions options, TextWriter log)
    {
        if (!AclImdbReader.IsAclImdb(path))
            return (ReadFile(path, options, log), null);

        var training = AclImdbReader.Read(path, "train");
        var test = AclImdbReader.HasSplit(path, "test") ? AclImdbReader.Read(path, "test") : null;
        log.WriteLine(test is null
            ? $"{path}: {training.Count:N0} training reviews; no test/ split, so no test set."
            : $"{path}: {training.Count:N0} training reviews, {test.Count:N0} test reviews.");
        return (training, test);
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
            log.WriteLine($"{path}: skipped {Model.Plural.Of(result.SkippedRows, "bad row")} (first: {result.SkippedRowErrors[0].Message}).");
        return result.Reviews;
    }
}
