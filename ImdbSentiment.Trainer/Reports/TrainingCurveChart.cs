using ImdbSentiment.Model.IO;
using ImdbSentiment.Training.Fitting;
using ScottPlot;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>A PNG of loss and accuracy per epoch, training against validation, side by side, with the best epoch marked.</summary>
internal static class TrainingCurveChart
{
    public const int Width = 1200;
    public const int Height = 500;

    /// <param name="bestEpoch">The epoch whose weights were kept; no marker when it is not in the history.</param>
    public static void Save(IReadOnlyList<EpochMetrics> history, int bestEpoch, string pngPath)
    {
        if (history.Count == 0)
            throw new ArgumentException("There are no epochs to plot.", nameof(history));

        var multiplot = new Multiplot();
        multiplot.AddPlot();
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var plots = multiplot.GetPlots();
        try
        {
            var epochs = history.Select(epoch => (double)epoch.Epoch).ToArray();
            var marked = history.Any(epoch => epoch.Epoch == bestEpoch) ? bestEpoch : (int?)null;
            Draw(plots[0], "Loss", Alignment.UpperRight, epochs, [.. history.Select(e => e.Loss)], [.. history.Select(e => e.ValidationLoss)], marked);
            Draw(plots[1], "Accuracy", Alignment.LowerRight, epochs, [.. history.Select(e => e.Accuracy)], [.. history.Select(e => e.ValidationAccuracy)], marked);
            using var image = multiplot.Render(Width, Height);
            var png = image.GetImageBytes(ImageFormat.Png, 100);
            AtomicFile.Write(pngPath, temporary => File.WriteAllBytes(temporary, png));
        }
        finally
        {
            foreach (var plot in plots)
                plot.Dispose();
        }
    }

    // The legend goes where the curves usually are not: loss falls and accuracy rises to the right.
    private static void Draw(Plot plot, string quantity, Alignment legend, double[] epochs, double[] training, double[] validation, int? bestEpoch)
    {
        plot.Add.Scatter(epochs, training).LegendText = "training";
        plot.Add.Scatter(epochs, validation).LegendText = "validation";
        if (bestEpoch is { } best)
        {
            var line = plot.Add.VerticalLine(best, pattern: LinePattern.Dashed);
            line.LegendText = $"best epoch ({best})";
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title($"{quantity} per epoch");
        plot.XLabel("Epoch");
        plot.YLabel(quantity);
        plot.ShowLegend(legend);
    }
}
