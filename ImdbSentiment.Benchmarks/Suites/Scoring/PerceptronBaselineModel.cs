using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>
/// BASELINE: the model ML.NET's samples would build, FeaturizeText (defaults) + AveragedPerceptron, trained on the
/// same 20,000 reviews and saved as a zip. The cache checkpoint, as ML.NET advises for multi-pass trainers, keeps
/// each of the perceptron's passes from featurizing the text again. A Platt calibrator adds the Probability column, so the baseline goes
/// through the very same SentimentModel, PredictionEngine and CsvBatchScorer code as ours.
/// </summary>
internal static class PerceptronBaselineModel
{
    private const string Features = "Features";

    public const string Description = "FeaturizeText + AveragedPerceptron (+ Platt)";

    public static void Train(IReadOnlyList<LabeledReview> training, string zip)
    {
        var mlContext = new MLContext(seed: 42);
        var data = mlContext.Data.LoadFromEnumerable(training);
        var pipeline = mlContext.Transforms.Text.FeaturizeText(Features, ColumnNames.Text)
            .AppendCacheCheckpoint(mlContext)
            .Append(mlContext.BinaryClassification.Trainers.AveragedPerceptron(ColumnNames.Label, Features))
            .Append(mlContext.BinaryClassification.Calibrators.Platt(ColumnNames.Label));
        var model = pipeline.Fit(data);
        mlContext.Model.Save(model, data.Schema, zip);
    }
}
