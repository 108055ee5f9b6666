using System.Text.Json;
using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Benchmarks.Suites.Quality;

/// <summary>
/// BASELINE: scikit-learn's NBSVM (nbsvm.py beside this file, copied to the same folder under the program), run by a python3 that
/// imports scikit-learn (Debian 13's python3-sklearn). Absent, the suite says so and carries on.
/// </summary>
internal static class ScikitLearnNbsvm
{
    public const string Description = "scikit-learn NBSVM uni+bigram (NB-weighted logistic regression)";

    public static string Unavailable => $"no python3 with scikit-learn found (tried {string.Join(", ", PythonScript.Interpreters)}; Debian 13's python3-sklearn provides it).";

    public static (double Accuracy, double Seconds)? Run(IReadOnlyList<LabeledReview> training, IReadOnlyList<LabeledReview> test)
    {
        if (PythonScript.FindInterpreter("import sklearn, scipy, numpy") is not { } python)
            return null;

        Progress.Report("quality: scikit-learn NBSVM...");
        using var folder = new TemporaryFolder();
        var trainPath = Write(folder.File("train.tsv"), training);
        var testPath = Write(folder.File("test.tsv"), test);
        using var result = JsonDocument.Parse(PythonScript.RunScript(python, PythonScript.Path("Suites", "Quality", "nbsvm.py"), trainPath, testPath));
        return (result.RootElement.GetProperty("accuracy").GetDouble(), result.RootElement.GetProperty("seconds").GetDouble());
    }

    private static string Write(string path, IReadOnlyList<LabeledReview> reviews)
    {
        File.WriteAllLines(path, reviews.Select(review => $"{(review.Label ? 1 : 0)}\t{review.Text.ReplaceLineEndings(" ").Replace('\t', ' ')}"));
        return path;
    }
}
