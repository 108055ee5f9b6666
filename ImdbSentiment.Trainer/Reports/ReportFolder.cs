namespace ImdbSentiment.Trainer.Reports;

/// <summary>
/// Writes a training run's report folder (metrics.json, the two charts, the model card) and the consumption code
/// beside the model.
/// </summary>
internal static class ReportFolder
{
    public const string MetricsFileName = "metrics.json";
    public const string TrainingCurvesFileName = "training-curves.png";
    public const string LengthHistogramFileName = "review-lengths.png";
    public const string ModelCardFileName = "model-card.md";
    public const string CheckpointFileName = "best-checkpoint.dat";

    /// <summary>models/imdb-sentiment.zip gives models/imdb-sentiment-report.</summary>
    public static string DefaultFor(string modelPath)
    {
        var fullPath = Path.GetFullPath(modelPath);
        return Path.Combine(Path.GetDirectoryName(fullPath)!, Path.GetFileNameWithoutExtension(fullPath) + "-report");
    }

    public static void Write(ReportInputs inputs)
    {
        var folder = inputs.ReportDirectory;
        var options = inputs.Options;

        MetricsJsonWriter.Write(
            Path.Combine(folder, MetricsFileName), inputs.Validation, inputs.Test, inputs.Training, inputs.TrainingData, inputs.SkippedRows, options, inputs.CommandLine);
        if (inputs.Training.History.Count > 0)
            TrainingCurveChart.Save(inputs.Training.History, inputs.Training.BestEpoch, Path.Combine(folder, TrainingCurvesFileName));
        LengthHistogramChart.Save(inputs.TrainingData.TokenCounts, options.Featurizer.MaxLength, Path.Combine(folder, LengthHistogramFileName));
        ModelCardWriter.Write(Path.Combine(folder, ModelCardFileName), inputs);
        ConsumptionCodeWriter.Write(
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputs.ModelPath))!, ConsumptionCodeWriter.FileNameFor(inputs.ModelFileName)), inputs.ModelFileName);
    }
}
