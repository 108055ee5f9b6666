using System.Buffers.Binary;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Reports;

[TestClass]
public sealed class ChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [TestMethod]
    public void TrainingCurveChart_WritesAPngOfTheChartSize()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("curves/training-curves.png");

        TrainingCurveChart.Save(ReportFixtures.History, bestEpoch: 6, path);

        AssertPng(path, TrainingCurveChart.Width, TrainingCurveChart.Height);
        CollectionAssert.AreEqual(new[] { Path.Combine("curves", "training-curves.png") }, folder.Files());
    }

    [TestMethod]
    public void TrainingCurveChart_DrawsOneEpochAndABestEpochOutsideTheHistory()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("one.png");

        TrainingCurveChart.Save(ReportFixtures.History.Take(1).ToArray(), bestEpoch: 0, path);

        AssertPng(path, TrainingCurveChart.Width, TrainingCurveChart.Height);
    }

    [TestMethod]
    public void TrainingCurveChart_NoEpochs_Throws()
    {
        using var folder = new ScratchFolder();

        Assert.ThrowsExactly<ArgumentException>(() => TrainingCurveChart.Save([], 0, folder.File("empty.png")));
        Assert.IsEmpty(folder.Files());
    }

    [TestMethod]
    public void LengthHistogramChart_WritesAPngOfTheChartSize_ReplacingAnOldFile()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("review-lengths.png");
        Directory.CreateDirectory(folder.Path);
        File.WriteAllText(path, "old");

        LengthHistogramChart.Save(ReportFixtures.TrainingData.TokenCounts, maxLength: 120, path);

        AssertPng(path, LengthHistogramChart.Width, LengthHistogramChart.Height);
        CollectionAssert.AreEqual(new[] { "review-lengths.png" }, folder.Files());
    }

    [TestMethod]
    public void LengthHistogramChart_DrawsAMaxLengthBeyondEveryReview()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("short.png");

        LengthHistogramChart.Save([3, 5, 5, 8], maxLength: 500, path);

        AssertPng(path, LengthHistogramChart.Width, LengthHistogramChart.Height);
    }

    private static void AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        CollectionAssert.AreEqual(PngSignature, bytes.Take(PngSignature.Length).ToArray(), "PNG signature");
        Assert.IsGreaterThan(10_000, bytes.Length, "a chart, not a blank image");
        // The IHDR chunk comes first: length, type, then width and height, big-endian.
        Assert.AreEqual("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.AreEqual(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.AreEqual(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
