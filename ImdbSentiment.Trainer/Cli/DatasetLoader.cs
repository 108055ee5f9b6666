using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// Reads what --dataset names: from an aclImdb folder or archive, train/ to train on and test/ (when present) as the
/// test set, or for evaluation test/ when present, else train/ (a test/ with one class missing is an error for both);
/// from a CSV/TSV file, all its rows.
/// </summary>
internal static class DatasetLoader
{
    public static (ReviewReadResult Training, IReadOnlyList<LabeledReview>? Test) ForTraining(string path, DelimitedFileOptions options, TextWriter log)
    {
        if (!AclImdbReader.IsAclImdb(path))
            return (ReadFile(path, options, log), null);

        var training = AclImdbReader.Read(path, "train");
        var test = HasTestSplit(path) ? AclImdbReader.Read(path, "test") : null;
        log.WriteLine(test is null
            ? $"{path}: {training.Count:N0} training reviews; no test/ split, so no test set."
            : $"{path}: {training.Count:N0} training reviews, {test.Count:N0} test reviews.");
        return (new ReviewReadResult(training, []), test);
    }

    public static EvaluationData ForEvaluation(string path, DelimitedFileOptions options, TextWriter log)
    {
        if (!AclImdbReader.IsAclImdb(path))
        {
            var read = ReadFile(path, options, log);
            return new EvaluationData(read.Reviews, null, read.SkippedRows);
        }

        var split = HasTestSplit(path) ? "test" : "train";
        var reviews = AclImdbReader.Read(path, split);
        log.WriteLine($"{path}: evaluating on the {split}/ split ({reviews.Count:N0} reviews).");
        return new EvaluationData(reviews, split, 0);
    }

    // A test/ split with one class missing is read too, so that reading it fails, instead of being passed over.
    private static bool HasTestSplit(string path) => AclImdbReader.HasSplit(path, "test") || AclImdbReader.HasAnyReview(path, "test");

    public static ReviewReadResult ReadFile(string path, DelimitedFileOptions options, TextWriter log)
    {
        var result = DelimitedReviewReader.Read(path, options);
        if (result.SkippedRows > 0)
            log.WriteLine($"{path}: skipped {Model.Plural.Of(result.SkippedRows, "bad row")} (first: {result.SkippedRowErrors[0].Message}).");
        return result;
    }
}
