using System.Net;
using System.Security.Cryptography;
using ImdbSentiment.Trainer.Download;

namespace ImdbSentiment.Tests.Download;

[TestClass]
public sealed class DatasetDownloaderTests
{
    private const int TestTimeoutMs = 20_000;
    private const int Size = 300_000;

    private static readonly byte[] Payload = MakePayload();
    private static readonly string PayloadSha256 = Sha256Of(Payload);

    private TempFolder _temp = null!;
    private HttpClient _http = null!;
    private CancellationTokenSource _deadline = null!;

    public TestContext TestContext { get; set; } = null!;

    private string Destination => _temp.PathOf(Path.Combine("cache", "aclImdb_v1.tar.gz"));

    private string Partial => Destination + ".partial";

    private CancellationToken Deadline => _deadline.Token;

    [TestInitialize]
    public void CreateFixtures()
    {
        _temp = new TempFolder();
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        _deadline.CancelAfter(TimeSpan.FromSeconds(10));
    }

    [TestCleanup]
    public void DeleteFixtures()
    {
        _deadline.Dispose();
        _http.Dispose();
        _temp.Dispose();
    }

    private static byte[] MakePayload()
    {
        var bytes = new byte[Size];
        new Random(20110619).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private DatasetDownloader Downloader(Uri uri, long? expectedSize = Size, TimeSpan? idleTimeout = null) =>
        new(uri, expectedSize, PayloadSha256, Destination, _http) { IdleTimeout = idleTimeout ?? TimeSpan.FromSeconds(5) };

    private void WritePartial(byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Partial)!);
        File.WriteAllBytes(Partial, content);
    }

    private void AssertDownloaded(string path)
    {
        Assert.AreEqual(Destination, path);
        Assert.AreEqual(PayloadSha256, Sha256Of(File.ReadAllBytes(path)));
        Assert.IsFalse(File.Exists(Partial), "The partial file should have been moved into place.");
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task ServedNormally_WritesTheVerifiedFile_WithOneRequestAndNoRange()
    {
        using var server = new RangeFileServer(Payload);
        using var downloader = Downloader(server.FileUri);

        AssertDownloaded(await downloader.DownloadAsync(null, Deadline));
        CollectionAssert.AreEqual(new string?[] { null }, server.RangeHeaders.ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    [DataRow(Size)]
    [DataRow(null)]
    public async Task Progress_GrowsAndEndsWithTheFullSize(int? expectedSize)
    {
        using var server = new RangeFileServer(Payload);
        using var downloader = Downloader(server.FileUri, expectedSize);
        var progress = new ProgressLog();

        await downloader.DownloadAsync(progress, Deadline);

        var reports = progress.Reports;
        Assert.IsNotEmpty(reports);
        Assert.AreEqual(new DownloadProgress(Size, Size), reports[^1]);
        // Without an expected size, the total comes from the response's Content-Length.
        Assert.IsTrue(reports.All(report => report.TotalBytes == Size));
        Assert.IsTrue(reports.Zip(reports.Skip(1)).All(pair => pair.First.BytesReceived <= pair.Second.BytesReceived));
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task ConnectionClosedMidStream_KeepsThePartial_AndTheNextAttemptResumesFromIt()
    {
        const int cut = 100_000;
        using var server = new RangeFileServer(Payload, closeFirstResponseAfter: cut);
        using var downloader = Downloader(server.FileUri);

        var error = await Assert.ThrowsExactlyAsync<DownloadException>(() => downloader.DownloadAsync(null, Deadline));
        Assert.Contains(server.FileUri.ToString(), error.Message);
        Assert.Contains("100,000 bytes received so far are kept", error.Message);
        Assert.AreEqual(cut, new FileInfo(Partial).Length);
        Assert.IsFalse(File.Exists(Destination));

        var progress = new ProgressLog();
        AssertDownloaded(await downloader.DownloadAsync(progress, Deadline));
        CollectionAssert.AreEqual(new string?[] { null, $"bytes={cut}-" }, server.RangeHeaders.ToArray());
        Assert.AreEqual(cut, progress.Reports[0].BytesReceived, "A resumed download starts counting from the partial file.");
        Assert.AreEqual(new DownloadProgress(Size, Size), progress.Reports[^1]);
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    [DataRow(Size, DisplayName = "same size")]
    [DataRow(200_000, DisplayName = "shorter")]
    public async Task WrongContent_ThrowsNamingBothHashes_AndLeavesNoFile(int servedLength)
    {
        var wrong = Payload[..servedLength];
        wrong[^1] ^= 0xFF;
        using var server = new RangeFileServer(wrong);
        using var downloader = Downloader(server.FileUri);

        var error = await Assert.ThrowsExactlyAsync<DownloadException>(() => downloader.DownloadAsync(null, Deadline));

        Assert.Contains(server.FileUri.ToString(), error.Message);
        Assert.Contains($"expected sha256 {PayloadSha256}", error.Message);
        Assert.Contains($"actual sha256 {Sha256Of(wrong)}", error.Message);
        Assert.Contains("deleted", error.Message);
        Assert.Contains("--dataset", error.Message);
        if (servedLength != Size)
            Assert.Contains($"{servedLength:N0} bytes, expected {Size:N0}", error.Message);
        Assert.IsFalse(File.Exists(Destination));
        Assert.IsFalse(File.Exists(Partial));
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    [DataRow(false, DisplayName = "length announced")]
    [DataRow(true, DisplayName = "chunked, length not announced")]
    public async Task MoreThanTheExpectedSize_IsNotReadOrWrittenPastIt_AndFailsNamingTheUrlAndTheSizes(bool chunked)
    {
        // Three times the file, with a stall after twice: a download that reads on past the expected size waits here
        // (and keeps the surplus), one that stops at it fails at once.
        using var server = new RangeFileServer([.. Payload, .. Payload, .. Payload], stallAfter: 2 * Size, chunked: chunked);
        using var downloader = Downloader(server.FileUri, idleTimeout: TimeSpan.FromSeconds(4));

        var error = await Assert.ThrowsExactlyAsync<DownloadException>(() => downloader.DownloadAsync(null, Deadline));

        TestContext.WriteLine(error.Message);
        Assert.Contains(server.FileUri.ToString(), error.Message);
        Assert.Contains($"more than the expected {Size:N0} bytes", error.Message);
        if (!chunked)
            Assert.Contains($"{3 * Size:N0}", error.Message);
        Assert.DoesNotContain("timed out", error.Message);
        Assert.IsFalse(File.Exists(Partial), "a file longer than expected is not the expected one");
        Assert.IsFalse(File.Exists(Destination));
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task ServerIgnoringTheRange_StartsOver_AndTheFileIsStillRight()
    {
        // Bytes that are not the start of the payload: appending to them would give a wrong file.
        WritePartial(Enumerable.Repeat((byte)0xAB, 50_000).ToArray());
        using var server = new RangeFileServer(Payload, ignoreRange: true);
        using var downloader = Downloader(server.FileUri);

        AssertDownloaded(await downloader.DownloadAsync(null, Deadline));
        CollectionAssert.AreEqual(new string?[] { "bytes=50000-" }, server.RangeHeaders.ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task ServerDown_ThrowsWithTheOfflineHint()
    {
        var uri = new Uri($"http://127.0.0.1:{LoopbackHttp.FreePort()}/aclImdb_v1.tar.gz");
        using var downloader = Downloader(uri);

        var error = await Assert.ThrowsExactlyAsync<DownloadException>(() => downloader.DownloadAsync(null, Deadline));

        TestContext.WriteLine(error.Message);
        Assert.StartsWith($"The archive could not be downloaded from {uri}: ", error.Message);
        Assert.Contains(
            "download aclImdb_v1.tar.gz yourself and pass it with --dataset PATH (a .tar.gz or an extracted aclImdb folder), or pass a CSV/TSV file",
            error.Message);
        Assert.DoesNotContain("kept", error.Message);
        Assert.IsInstanceOfType<HttpRequestException>(error.InnerException);
        Assert.AreEqual(uri, error.Uri);
        Assert.IsFalse(File.Exists(Partial));
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task ErrorStatus_ThrowsNamingTheStatus()
    {
        using var server = new RangeFileServer(Payload, failWith: HttpStatusCode.NotFound);
        using var downloader = Downloader(server.FileUri);

        var error = await Assert.ThrowsExactlyAsync<DownloadException>(() => downloader.DownloadAsync(null, Deadline));

        Assert.Contains("404 Not Found", error.Message);
        Assert.Contains("--dataset PATH", error.Message);
        Assert.IsFalse(File.Exists(Partial));
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task StalledServer_TimesOut_AndKeepsThePartial()
    {
        using var server = new RangeFileServer(Payload, stallAfter: 120_000);
        using var downloader = Downloader(server.FileUri, idleTimeout: TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsExactlyAsync<DownloadException>(() => downloader.DownloadAsync(null, Deadline));

        Assert.Contains("timed out", error.Message);
        Assert.Contains("120,000 bytes received so far are kept", error.Message);
        Assert.AreEqual(120_000, new FileInfo(Partial).Length);
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task Cancelled_Throws_AndKeepsThePartial()
    {
        using var server = new RangeFileServer(Payload, stallAfter: 120_000);
        using var downloader = Downloader(server.FileUri);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Deadline);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAsync<OperationCanceledException>(() => downloader.DownloadAsync(null, cancellation.Token));

        Assert.IsFalse(Deadline.IsCancellationRequested);
        Assert.AreEqual(120_000, new FileInfo(Partial).Length);
        Assert.IsFalse(File.Exists(Destination));
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task CompleteDestination_IsNotDownloadedAgain()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Destination)!);
        File.WriteAllBytes(Destination, Payload);
        using var server = new RangeFileServer(Payload);
        using var downloader = Downloader(server.FileUri);
        var progress = new ProgressLog();

        Assert.AreEqual(Destination, await downloader.DownloadAsync(progress, Deadline));

        Assert.AreEqual(0, server.RequestCount);
        CollectionAssert.AreEqual(new[] { new DownloadProgress(Size, Size) }, progress.Reports.ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task DestinationWithOtherContent_IsReplaced()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Destination)!);
        var stale = Payload.ToArray();
        stale[0] ^= 0xFF;
        File.WriteAllBytes(Destination, stale);
        using var server = new RangeFileServer(Payload);
        using var downloader = Downloader(server.FileUri);

        AssertDownloaded(await downloader.DownloadAsync(null, Deadline));
        Assert.AreEqual(1, server.RequestCount);
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task CompletePartial_OfTheExpectedSize_IsVerifiedAndMovedWithoutARequest()
    {
        WritePartial(Payload);
        using var server = new RangeFileServer(Payload);
        using var downloader = Downloader(server.FileUri);

        AssertDownloaded(await downloader.DownloadAsync(null, Deadline));
        Assert.AreEqual(0, server.RequestCount);
    }

    [TestMethod]
    [Timeout(TestTimeoutMs, CooperativeCancellation = true)]
    public async Task CompletePartial_OfUnknownSize_IsVerifiedAfterTheServerRefusesTheRange()
    {
        WritePartial(Payload);
        using var server = new RangeFileServer(Payload);
        using var downloader = Downloader(server.FileUri, expectedSize: null);

        AssertDownloaded(await downloader.DownloadAsync(null, Deadline));
        CollectionAssert.AreEqual(new string?[] { $"bytes={Size}-" }, server.RangeHeaders.ToArray());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658f")]
    [DataRow("z40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe")]
    public void Constructor_RejectsAMalformedSha256(string sha256) =>
        Assert.ThrowsExactly<ArgumentException>(() => new DatasetDownloader(new Uri("http://127.0.0.1/"), null, sha256, Destination));

    [TestMethod]
    public void ForAclImdb_UsesTheOfficialSource()
    {
        using var downloader = DatasetDownloader.ForAclImdb(Destination);

        Assert.AreEqual(new Uri("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"), downloader.Uri);
        Assert.AreEqual(84_125_825L, downloader.ExpectedSize);
        Assert.AreEqual("c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe", downloader.ExpectedSha256);
        Assert.AreEqual(Destination + ".partial", downloader.PartialPath);
    }
}
