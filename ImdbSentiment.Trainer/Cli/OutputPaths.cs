using ImdbSentiment.Model.IO;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// Checks, before any epoch, that train can write the model (and the consumption code beside it) and the report
/// folder, and may: no input is among them, and an earlier model or report is replaced only with --force. A bad path
/// then costs seconds rather than a finished training run, and a good one never costs the user's files.
/// </summary>
internal static class OutputPaths
{
    /// <returns>Whose report --force replaces in the report folder (for the log), or null when it holds none.</returns>
    public static string? RequireWritable(string output, string reportDirectory, bool force, IEnumerable<(string Flag, string? Path)> inputs)
    {
        if (OutputTarget.Resolve(output).WritesThrough)
            throw new UsageException($"--output {output} is not a regular file (a device, a FIFO or a descriptor): train writes a model zip with its report folder and consumption code beside it; name a file");
        if (File.Exists(output) && !force)
            throw new UsageException($"--output {output} exists already: pass --force to replace it, or name another file.");
        RequireWritable(output, reportDirectory);
        RequireNoInputIsWritten(output, reportDirectory, inputs);
        return RequireReplaceableReport(reportDirectory, output, force);
    }

    private static void RequireNoInputIsWritten(string output, string reportDirectory, IEnumerable<(string Flag, string? Path)> inputs)
    {
        var written = new List<(string Flag, string Path)> { ("--output", output), ("--output", ConsumptionCodeWriter.PathFor(output)) };
        written.AddRange(ReportFolder.FileNames.Select(name => ("--report-dir", Path.Combine(reportDirectory, name))));
        foreach (var (inputFlag, input) in inputs)
        {
            if (input is null || !File.Exists(input))
                continue;
            if (written.FirstOrDefault(file => CanonicalPath.SameFile(file.Path, input)) is { Flag: { } flag } clash)
            {
                var what = clash.Path == output ? $"--output {output} is" : $"{flag} writes {clash.Path}, which is";
                throw new UsageException($"{what} the {inputFlag} file {input}: training would replace the data it reads; write to another file");
            }
        }
    }

    private static string? RequireReplaceableReport(string reportDirectory, string output, bool force)
    {
        var files = ReportFolder.FilesIn(reportDirectory);
        if (files.Count == 0)
            return null;
        var owner = ReportFolder.OwnerOf(reportDirectory) is { } model
            ? CanonicalPath.SameFile(model, output) || string.Equals(model, output, StringComparison.Ordinal) ? $"the report of --output {output}" : $"the report of another model, {model}"
            : "a report that names no model";
        if (!force)
            throw new UsageException($"--report-dir {reportDirectory} holds {owner} ({string.Join(", ", files)}): pass --force to replace it, or name another folder.");
        return owner;
    }

    private static void RequireWritable(string output, string reportDirectory)
    {
        RequireWritableFile(output, "imdb-sentiment.zip");
        if (File.Exists(reportDirectory))
            throw new UsageException($"--report-dir {reportDirectory} is a file: expected a folder for metrics.json, the charts and the model card");
        RequireWritableFolder("--report-dir", reportDirectory, reportDirectory);
    }

    /// <summary>--output is a file whose folder is writable (or can be made); <paramref name="example"/> names a file for the message about a folder.</summary>
    public static void RequireWritableFile(string output, string example)
    {
        if (Directory.Exists(output))
            throw new UsageException($"--output {output} is a folder: expected the path of the file to write, e.g. {Path.Combine(output, example)}");
        RequireWritableFolder("--output", output, Path.GetDirectoryName(output)!);
    }

    // The folder may not exist yet (it is made when the run saves); then its nearest existing ancestor must take it.
    private static void RequireWritableFolder(string flag, string path, string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
                throw new UsageException($"{flag} {path}: {existing} is a file, so the folder cannot be made there");
            existing = Path.GetDirectoryName(existing)!;
        }

        var probe = Path.Combine(existing, $".imdb-sentiment-write-check-{Guid.NewGuid():N}");
        try
        {
            File.Create(probe, 1, FileOptions.DeleteOnClose).Dispose();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{flag} {path}: cannot write in {existing} ({exception.Message.Replace(probe, existing, StringComparison.Ordinal)})", exception);
        }
    }
}
