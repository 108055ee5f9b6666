using ImdbSentiment.Trainer.Download;

namespace ImdbSentiment.Tests.Download;

[TestClass]
public sealed class ProgressThrottleTests
{
    [TestMethod]
    public void ReportsWithinOneInterval_AreDropped_ButTheFinalOneGoesThrough()
    {
        var log = new ProgressLog();
        var throttle = new ProgressThrottle(log, 1000, TimeSpan.FromHours(1));

        for (var bytes = 0; bytes <= 1000; bytes += 10)
            throttle.Report(bytes);
        throttle.ReportFinal(1000);

        CollectionAssert.AreEqual(new[] { new DownloadProgress(0, 1000), new DownloadProgress(1000, 1000) }, log.Reports.ToArray());
    }
}
