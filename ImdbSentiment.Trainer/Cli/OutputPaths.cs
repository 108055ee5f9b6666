namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// Checks, before any epoch, that train can write the model (and the consumption code beside it) and the report
/// folder, so that a bad path costs seconds rather than a finished training run.
/// </summary>
internal static class OutputPaths
{
    public static void RequireWritable(string output, string reportDirectory)
    {
        if (Directory.Exists(output))
            throw new UsageException($"--output {output} is a folder: expected the path of the model zip to write, e.g. {Path.Combine(output, "imdb-sentiment.zip")}");
        RequireWritableFolder("--output", output, Path.GetDirectoryName(output)!);
        if (File.Exists(reportDirectory))
            throw new UsageException($"--report-dir {reportDirectory} is a file: expected a folder for metrics.json, the charts and the model card");
        RequireWritableFolder("--report-dir", reportDirectory, reportDirectory);
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
