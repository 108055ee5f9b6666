using System.Diagnostics;
using System.Text.Json;
using ImdbSentiment.Benchmarks.Cli;
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

    private static readonly string[] Interpreters = ["python3", "/usr/bin/python3"];

    public static string Unavailable => $"no python3 with scikit-learn found (tried {string.Join(", ", Interpreters)}; Debian 13's python3-sklearn provides it).";

    public static (double Accuracy, double Seconds)? Run(IReadOnlyList<LabeledReview> training, IReadOnlyList<LabeledReview> test)
    {
        if (Interpreters.FirstOrDefault(ImportsScikitLearn) is not { } python)
            return null;

        Progress.Report("quality: scikit-learn NBSVM...");
        using var folder = new TemporaryFolder();
        var trainPath = Write(folder.File("train.tsv"), training);
        var testPath = Write(folder.File("test.tsv"), test);
        var script = Path.Combine(AppContext.BaseDirectory, "Suites", "Quality", "nbsvm.py");
        var (exitCode, standardOutput, standardError) = RunProcess(python, script, trainPath, testPath);
        if (exitCode != 0)
            throw new InvalidOperationException($"{script} failed with exit code {exitCode}: {standardError}");
        using var result = JsonDocument.Parse(standardOutput);
        return (result.RootElement.GetProperty("accuracy").GetDouble(), result.RootElement.GetProperty("seconds").GetDouble());
    }

    private static bool ImportsScikitLearn(string python)
    {
        try
        {
            return RunProcess(python, "-c", "import sklearn, scipy, numpy").ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Write(string path, IReadOnlyList<LabeledReview> reviews)
    {
        File.WriteAllLines(path, reviews.Select(review => $"{(review.Label ? 1 : 0)}\t{review.Text.ReplaceLineEndings(" ").Replace('\t', ' ')}"));
        return path;
    }

    private static (int ExitCode, string Output, string Error) RunProcess(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
