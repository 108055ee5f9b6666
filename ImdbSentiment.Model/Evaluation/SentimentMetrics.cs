using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Model.Evaluation;

/// <summary>How well scored reviews match their labels: ML.NET's binary classification metrics and the confusion counts.</summary>
/// <param name="Auc">Area under the ROC curve; NaN when the reviews are all of one class.</param>
/// <param name="LogLoss">Mean cross-entropy in bits (ML.NET uses log base 2).</param>
public sealed record SentimentMetrics(
    int Count, double Accuracy, double Auc, double F1, double Precision, double Recall, double LogLoss,
    int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>
    /// Evaluates a view with the Label (bool), Score (the logit), Probability and PredictedLabel columns.
    /// As ML.NET does, a row counts as predicted positive when its Score is above 0, and rows with a NaN Score are skipped.
    /// </summary>
    public static SentimentMetrics Evaluate(MLContext ml, IDataView scored)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(scored);
        CalibratedBinaryClassificationMetrics metrics;
        try
        {
            metrics = ml.BinaryClassification.Evaluate(
                scored, labelColumnName: ColumnNames.Label, scoreColumnName: ColumnNames.Score,
                probabilityColumnName: ColumnNames.Probability, predictedLabelColumnName: ColumnNames.PredictedLabel);
        }
        // ML.NET rejects the whole evaluation when AUC is undefined, though every other metric is still defined.
        catch (ArgumentOutOfRangeException exception) when (exception.ParamName is "PosSample" or "NegSample")
        {
            return CountingEvaluator.Evaluate(scored);
        }

        // Rows are the truth (positive, negative), columns the prediction (positive, negative).
        var counts = metrics.ConfusionMatrix.Counts;
        int truePositives = (int)counts[0][0], falseNegatives = (int)counts[0][1];
        int falsePositives = (int)counts[1][0], trueNegatives = (int)counts[1][1];
        return new SentimentMetrics(
            truePositives + falsePositives + trueNegatives + falseNegatives,
            metrics.Accuracy, metrics.AreaUnderRocCurve, metrics.F1Score, metrics.PositivePrecision, metrics.PositiveRecall,
            metrics.LogLoss, truePositives, falsePositives, trueNegatives, falseNegatives);
    }
}
