using System.Text.Json;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>
/// Writes a training run's report folder (metrics.json, the two charts, the model card) and the consumption code
/// beside the model. A report belongs to the model its metrics.json names (<c>model</c>, relative to the folder).
/// </summary>
internal static class ReportFolder
{
    public const string MetricsFileName = "metrics.json";
    public const string TrainingCurvesFileName = "training-curves.png";
    public const string LengthHistogramFileName = "review-lengths.png";
    public const string ModelCardFileName = "model-card.md";
    public const string CheckpointFileName = "best-checkpoint.dat";

    /// <summary>Every file a report folder can hold: what a new report replaces.</summary>
    public static readonly IReadOnlyList<string> FileNames = [MetricsFileName, TrainingCurvesFileName, LengthHistogramFileName, ModelCardFileName, CheckpointFileName];

    /// <summary>models/imdb-sentiment.zip gives models/imdb-sentiment-report.</summary>
    public static string DefaultFor(string modelPath)
    {
        var fullPath = Path.GetFullPath(modelPath);
        return Path.Combine(Path.GetDirectoryName(fullPath)!, Path.GetFileNameWithoutExtension(fullPath) + "-report");
    }

    /// <summary>The report files in <paramref name="folder"/>, by name; none when it does not exist.</summary>
    public static IReadOnlyList<string> FilesIn(string folder) =>
        [.. FileNames.Where(name => File.Exists(Path.Combine(folder, name)))];

    /// <summary>The full path of the model whose report <paramref name="folder"/> holds; null when its metrics.json names none.</summary>
    public static string? OwnerOf(string folder)
    {
        try
        {
            using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, MetricsFileName)));
            return metrics.RootElement.TryGetProperty("model", out var model) && model.GetString() is { } relative
                ? Path.GetFullPath(Path.Combine(folder, relative))
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static void Write(ReportInputs inputs)
    {
        WriteFolder(inputs, inputs.ReportDirectory);
        WriteConsumptionCode(inputs.ModelPath);
    }

    /// <summary>Writes the report folder's files into <paramref name="into"/>: the report folder, or a staging folder for it.</summary>
    public static void WriteFolder(ReportInputs inputs, string into)
    {
        var options = inputs.Options;
        MetricsJsonWriter.Write(
            Path.Combine(into, MetricsFileName), Path.GetRelativePath(inputs.ReportDirectory, inputs.ModelPath),
            inputs.Validation, inputs.Test, inputs.Training, inputs.TrainingData, inputs.SkippedRows, options, inputs.CommandLine);
        if (inputs.Training.History.Count > 0)
            TrainingCurveChart.Save(inputs.Training.History, inputs.Training.BestEpoch, Path.Combine(into, TrainingCurvesFileName));
        LengthHistogramChart.Save(inputs.TrainingData.TokenCounts, options.Featurizer.MaxLength, Path.Combine(into, LengthHistogramFileName));
        ModelCardWriter.Write(Path.Combine(into, ModelCardFileName), inputs);
    }

    public static void WriteConsumptionCode(string modelPath) =>
        ConsumptionCodeWriter.Write(ConsumptionCodeWriter.PathFor(modelPath), Path.GetFileName(modelPath));
}
