using System.Globalization;

namespace ImdbSentiment.Trainer.Output;

/// <summary>How the terminal tables and the model card write a metric: four decimals, "n/a" where it is undefined (an AUC of one class).</summary>
internal static class MetricText
{
    public static string Of(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);
}
