using System.CommandLine;
using System.Globalization;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Export;
using ImdbSentiment.Model.IO;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// export: a model zip as a folder that Python, Spark or any ONNX runtime can serve: model.onnx, the vocabularies and
/// featurizer.json, and export-manifest.json listing them, written atomically. An existing folder is replaced only
/// with --force, and only when it holds an earlier export's files and nothing else, since replacing deletes what it held.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var model = ModelOption.Create();
        var output = new Option<string>("--output") { Description = "The folder to write (all files or none); an existing non-empty one only with --force.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing --output folder that holds an earlier export (the files its export-manifest.json lists) and nothing else." };
        var command = new Command("export",
            $"Write the model as a standalone ONNX network (ids in, probability out), its vocabularies and {ModelExporter.SpecFile}, the featurizer's rules, for Python, Spark and other runtimes.")
        {
            model, output, force,
        };
        command.SetAction((parse, cancellation) => CommandFailure.Guard(() =>
        {
            var modelPath = parse.GetValue(model)!;
            var folder = parse.GetValue(output)!;
            RequireReplaceable(Path.GetFullPath(folder), modelPath, parse.GetValue(force));
            ExportSummary summary;
            using (var interrupt = new InterruptSignal(cancellation))
                summary = ModelExporter.Export(modelPath, folder, interrupt.Token);
            var replaced = summary.Replaced.Count > 0 ? $" It replaced the earlier export's {string.Join(", ", summary.Replaced)}." : "";
            Console.WriteLine($"Exported {modelPath} to {folder}: {Describe(summary)}.{replaced}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static void RequireReplaceable(string folder, string modelPath, bool force)
    {
        if (File.Exists(folder))
            throw new UsageException($"--output {folder} is a file: expected a folder to export into.");
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
            return;
        if (!force)
            throw new UsageException($"--output {folder} exists and is not empty: pass --force to replace an earlier export, or name another folder.");
        if (ExportManifest.Replaceable(folder).Problem is { } problem)
            throw new UsageException($"--output {problem}.");
        if (CanonicalPath.Of(modelPath).StartsWith(CanonicalPath.Of(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UsageException($"--output {folder} holds the --model file, which replacing it would delete: name another folder.");
    }

    private static string Describe(ExportSummary summary)
    {
        var spec = summary.Spec;
        var files = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{spec.Network.File} ({summary.NetworkBytes / 1024.0:N0} KiB)") };
        if (spec.TokenIds is { } tokenIds)
            files.Add($"{tokenIds.Vocabulary} ({Plural.Of(summary.Words, "word")}; ids for at most {tokenIds.MaxLength} tokens)");
        if (spec.NgramIds is { } ngramIds)
            files.Add($"{ngramIds.Vocabulary} ({Plural.Of(summary.Ngrams, "n-gram")} of 1 to {ngramIds.Longest} words)");
        files.Add(ModelExporter.SpecFile);
        files.Add(ExportManifest.FileName);
        return string.Join(", ", files);
    }
}
