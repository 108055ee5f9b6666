using System.Globalization;
using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Spectre.Console;

namespace ImdbSentiment.Trainer.Output;

/// <summary>The tables train and evaluate print: data summary, Keras-style model summary, metrics.</summary>
internal static class SummaryTables
{
    public static Table Data(DataSummary summary, string title)
    {
        var table = TwoColumns(title, "value");
        Row(table, "reviews", $"{summary.Count:N0}");
        Row(table, "positive / negative", $"{summary.Positive:N0} / {summary.Negative:N0}");
        Row(table, "tokens per review: mean / median", $"{summary.MeanTokens:F1} / {summary.MedianTokens:F0}");
        Row(table, "tokens per review: 90th percentile / max", $"{summary.Percentile90Tokens:F0} / {summary.MaxTokens:N0}");
        Row(table, "out-of-vocabulary tokens", $"{summary.OutOfVocabularyRate:P1}");
        Row(table, $"reviews truncated to {summary.MaxLength} ids", $"{summary.TruncatedShare:P1}");
        return table;
    }

    public static Table Model(ModelSummary summary)
    {
        var table = new Table().Title("Model summary").AddColumn("Layer (type)").AddColumn("Output shape").AddColumn(new TableColumn("Param #").RightAligned());
        foreach (var layer in summary.Layers)
            table.AddRow(Markup.Escape(layer.Layer), Markup.Escape(layer.OutputShape), layer.Parameters.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("[bold]Total trainable params[/]", "", $"[bold]{summary.TotalParameters.ToString("N0", CultureInfo.InvariantCulture)}[/]");
        return table;
    }

    public static Table Metrics(IReadOnlyList<(string Name, SentimentMetrics Metrics)> sets)
    {
        var table = new Table().Title("Metrics").AddColumn("metric");
        foreach (var (name, _) in sets)
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        AddMetric(table, sets, "reviews", m => m.Count.ToString("N0", CultureInfo.InvariantCulture));
        AddMetric(table, sets, "accuracy", m => MetricText.Of(m.Accuracy));
        AddMetric(table, sets, "AUC", m => MetricText.Of(m.Auc));
        AddMetric(table, sets, "F1", m => MetricText.Of(m.F1));
        AddMetric(table, sets, "precision", m => MetricText.Of(m.Precision));
        AddMetric(table, sets, "recall", m => MetricText.Of(m.Recall));
        AddMetric(table, sets, "log-loss (bits, as ML.NET)", m => MetricText.Of(m.LogLoss));
        AddMetric(table, sets, "confusion (TP FP / FN TN)", m => $"{m.TruePositives} {m.FalsePositives} / {m.FalseNegatives} {m.TrueNegatives}");
        return table;
    }


    private static void AddMetric(Table table, IReadOnlyList<(string Name, SentimentMetrics Metrics)> sets, string name, Func<SentimentMetrics, string> format) =>
        table.AddRow([name, .. sets.Select(set => format(set.Metrics))]);

    private static Table TwoColumns(string title, string valueHeader) =>
        new Table().Title(Markup.Escape(title)).AddColumn("").AddColumn(new TableColumn(valueHeader).RightAligned());

    private static void Row(Table table, string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
}
