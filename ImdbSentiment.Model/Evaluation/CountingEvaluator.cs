using Microsoft.ML;

namespace ImdbSentiment.Model.Evaluation;

/// <summary>
/// Computes <see cref="SentimentMetrics"/> by counting, with ML.NET's conventions (Score above 0 is positive, rows with a
/// NaN Score skipped, log loss in bits, 0 for a precision or recall of 0/0), for the data ML.NET refuses: one class only.
/// </summary>
internal static class CountingEvaluator
{
    public static SentimentMetrics Evaluate(IDataView scored)
    {
        var labelColumn = scored.Schema[ColumnNames.Label];
        var scoreColumn = scored.Schema[ColumnNames.Score];
        var probabilityColumn = scored.Schema[ColumnNames.Probability];
        using var cursor = scored.GetRowCursor([labelColumn, scoreColumn, probabilityColumn]);
        var getLabel = cursor.GetGetter<bool>(labelColumn);
        var getScore = cursor.GetGetter<float>(scoreColumn);
        var getProbability = cursor.GetGetter<float>(probabilityColumn);
        bool label = false;
        float score = 0, probability = 0;
        int truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0;
        double logLossSum = 0;
        while (cursor.MoveNext())
        {
            getScore(ref score);
            if (float.IsNaN(score))
                continue;
            getLabel(ref label);
            getProbability(ref probability);
            var predicted = score > 0;
            if (label && predicted)
                truePositives++;
            else if (label)
                falseNegatives++;
            else if (predicted)
                falsePositives++;
            else
                trueNegatives++;
            logLossSum -= Math.Log2(label ? probability : 1.0 - probability);
        }

        var count = truePositives + falsePositives + trueNegatives + falseNegatives;
        if (count == 0)
            throw new InvalidOperationException("There are no scored reviews to evaluate.");

        var precision = Ratio(truePositives, truePositives + falsePositives);
        var recall = Ratio(truePositives, truePositives + falseNegatives);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new SentimentMetrics(
            count, (double)(truePositives + trueNegatives) / count, double.NaN, f1, precision, recall, logLossSum / count,
            truePositives, falsePositives, trueNegatives, falseNegatives);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
