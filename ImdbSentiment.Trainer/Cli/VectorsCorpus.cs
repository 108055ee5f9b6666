using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// The texts the vectors command trains on: an aclImdb data set's train/ reviews (never test/), with its unlabelled
/// reviews when asked; a .txt file's lines, one review a line; or a CSV/TSV file's review column, read as train reads it.
/// </summary>
internal sealed record VectorsCorpus(IReadOnlyList<string> Texts, string Description)
{
    public static VectorsCorpus Read(string path, bool unlabelled, bool developmentTest, DelimitedFileOptions options, TextWriter log)
    {
        if (AclImdbReader.IsAclImdb(path))
        {
            var dataset = AclImdbReader.ReadAll(path, unlabelled);
            var (labelled, held) = developmentTest ? DatasetLoader.HoldOutDevelopmentTest(path, dataset.Train, log, "labelled reviews left to read.") : (dataset.Train, []);
            var unsup = unlabelled ? DatasetLoader.WithoutDevelopmentTestTexts(dataset.Unlabelled, held, log) : [];
            var description = $"{path}: aclImdb train/ ({labelled.Count:N0} labelled reviews{(developmentTest ? ", the development-test set left out" : "")})" +
                (unlabelled ? $" and train/unsup/ ({unsup.Count:N0} unlabelled reviews{(unsup.Count < dataset.Unlabelled.Count ? ", those whose text is a development-test review's left out" : "")})" : "");
            return new VectorsCorpus([.. labelled.Select(review => review.Text), .. unsup], description);
        }

        if (Path.GetExtension(path).Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            if (developmentTest)
                throw new UsageException($"--dev-test holds out whole movies, but {path} is plain text with no movies: give an aclImdb data set, or a CSV file with --group-col.");
            var lines = File.ReadAllLines(path).Where(line => !string.IsNullOrWhiteSpace(line)).ToArray();
            return new VectorsCorpus(lines, $"{path}: {lines.Length:N0} lines, one review a line");
        }

        var reviews = DatasetLoader.ReadFile(path, options, log).Reviews;
        if (developmentTest)
            reviews = DatasetLoader.HoldOutDevelopmentTest(path, reviews, log, "reviews left to read.").Remaining;
        return new VectorsCorpus([.. reviews.Select(review => review.Text)], $"{path}: {reviews.Count:N0} reviews{(developmentTest ? ", the development-test set left out" : "")}");
    }
}
