using ImdbSentiment.Model.IO;
using ScottPlot;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>A PNG histogram of review lengths in tokens, with the featurizer's max length marked.</summary>
internal static class LengthHistogramChart
{
    public const int Width = 1000;
    public const int Height = 500;
    private const int MaxBins = 60;

    public static void Save(IReadOnlyList<int> tokenCounts, int maxLength, string pngPath)
    {
        if (tokenCounts.Count == 0)
            throw new ArgumentException("There are no reviews to plot.", nameof(tokenCounts));

        var sorted = tokenCounts.Order().ToArray();
        var mean = sorted.Average();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        // Whole-token bins, at most MaxBins of them, spanning every review and the max length.
        var upper = Math.Max(sorted[^1], maxLength) + 1;
        var binSize = Math.Max(1, (int)Math.Ceiling((double)upper / MaxBins));
        var histogram = ScottPlot.Statistics.Histogram.WithBinSize(binSize, 0, (int)Math.Ceiling((double)upper / binSize) * binSize);
        histogram.AddRange(sorted.Select(count => (double)count));

        using var plot = new Plot();
        plot.Add.Histogram(histogram);
        var line = plot.Add.VerticalLine(maxLength, width: 2, color: Colors.OrangeRed, pattern: LinePattern.Dashed);
        line.LegendText = $"max length ({maxLength})";
        plot.Axes.Margins(bottom: 0);
        plot.Title($"Review lengths: {sorted.Length:N0} reviews, mean {mean:F1}, median {median:F1} tokens");
        plot.XLabel("Tokens per review");
        plot.YLabel("Reviews");
        plot.ShowLegend(Alignment.UpperRight);
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        AtomicFile.Write(pngPath, temporary => File.WriteAllBytes(temporary, png));
    }
}
