using ImdbSentiment.Tests.Cli;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Download;

namespace ImdbSentiment.Tests.NasBert;

/// <summary>
/// train --model nasbert run as a separate process against a local stand-in for ML.NET's resource server
/// (MICROSOFTML_RESOURCE_URL), with the weights cache ($IMDB_SENTIMENT_CACHE) and the temporary folder ($TMPDIR) of
/// each run in a folder of its own, so no run sees another's files or writes to the user's.
/// </summary>
[TestClass]
public sealed class NasBertCommandLineTests
{
    private DataFixtures _folder = null!;
    private string _reviews = null!;

    [TestInitialize]
    public void WriteReviews()
    {
        _folder = new DataFixtures();
        _reviews = _folder.WriteText("reviews.tsv", string.Concat(
            SyntheticReviews.Create(40, seed: 5).Select(review => $"{review.Text}\t{(review.Label ? 1 : 0)}\n")));
    }

    [TestCleanup]
    public void DeleteFolder() => _folder.Dispose();

    private string CachedWeights => _folder.PathOf("cache/mlnet/NasBert2000000.tsm");

    private string Output => _folder.PathOf("out/nasbert.zip");

    [TestMethod]
    public void NoFileOnTheMirror_FailsWithTheOfflineMessage_NamingTheAddressMLNetUses()
    {
        using var mirror = new WeightsMirror(file: null);

        var outcome = Train(mirror.BaseUrl);

        AssertOneErrorLine(outcome);
        StringAssert.Contains(outcome.Error, $"error: NAS-BERT's pretrained weights could not be downloaded from {mirror.WeightsUrl}: the server answered 404");
        StringAssert.Contains(outcome.Error, "--model nasbert needs them once");
        StringAssert.Contains(outcome.Error, "set MICROSOFTML_RESOURCE_URL to a mirror that serves models/NasBert2000000.tsm");
        StringAssert.Contains(outcome.Error, "or use an RNN model");
        CollectionAssert.AreEqual(new[] { WeightsMirror.WeightsPath }, mirror.RequestedPaths.ToArray());
        AssertNothingLeftBehind();
    }

    [TestMethod]
    public void UnreachableMirror_FailsWithTheOfflineMessage()
    {
        var port = LoopbackHttp.FreePort();

        var outcome = Train($"http://127.0.0.1:{port}");

        AssertOneErrorLine(outcome);
        StringAssert.Contains(outcome.Error, $"error: NAS-BERT's pretrained weights could not be downloaded from http://127.0.0.1:{port}/models/NasBert2000000.tsm: ");
        StringAssert.Contains(outcome.Error, "set MICROSOFTML_RESOURCE_URL to a mirror");
        AssertNothingLeftBehind();
    }

    [TestMethod]
    public void InvalidFileOnTheMirror_FailsNamingTheFile_AndDoesNotKeepIt()
    {
        using var mirror = new WeightsMirror("this is a web page, not NAS-BERT weights\n"u8.ToArray());

        var outcome = Train(mirror.BaseUrl);

        AssertOneErrorLine(outcome);
        StringAssert.Contains(outcome.Error, $"error: The file downloaded from {mirror.WeightsUrl} is not valid NAS-BERT weights (TorchSharp could not load it: ");
        StringAssert.Contains(outcome.Error, $"it was deleted from {CachedWeights}");
        AssertNothingLeftBehind();

        // Nothing poisoned the cache: the next run asks the mirror again.
        Train(mirror.BaseUrl);
        Assert.HasCount(2, mirror.RequestedPaths);
    }

    [TestMethod]
    public void WeightsInTheRightFormat_AreCachedOnce_ThenThisBuildsTorchSharpStopsTheTraining()
    {
        using var mirror = new WeightsMirror(FakeNasBertWeights.Get());

        var first = Train(mirror.BaseUrl);
        var second = Train(mirror.BaseUrl);

        // Microsoft.ML.TorchSharp 0.23.1 was built for TorchSharp 0.102.7; under this repo's 0.107.0 its network is
        // unusable. When a release fixes that, this test should instead check the trained zip with evaluate/predict.
        foreach (var outcome in new[] { first, second })
        {
            AssertOneErrorLine(outcome);
            StringAssert.Contains(outcome.Error, "error: --model nasbert cannot train with this build: Microsoft.ML.TorchSharp 0.23.1");
            StringAssert.Contains(outcome.Error, "TorchSharp 0.102.7");
            StringAssert.Contains(outcome.Error, "Tensor invalid -- empty handle");
        }
        StringAssert.Contains(first.Output, "Downloading NAS-BERT's pretrained weights");
        Assert.DoesNotContain("Downloading", second.Output);
        Assert.HasCount(1, mirror.RequestedPaths, "the second run uses the cached weights");
        Assert.AreEqual(FakeNasBertWeights.Get().Length, new FileInfo(CachedWeights).Length);
        Assert.IsFalse(File.Exists(Output));
    }

    [TestMethod]
    public void RecurrentOnlyFlag_IsRefusedBeforeAnyDownload()
    {
        using var mirror = new WeightsMirror(file: null);

        var outcome = Train(mirror.BaseUrl, "--units", "8");

        AssertOneErrorLine(outcome);
        StringAssert.Contains(outcome.Error, "error: --units does not apply to --model nasbert");
        Assert.IsEmpty(mirror.RequestedPaths);
    }

    private TrainerProcess.Outcome Train(string baseUrl, params string[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["MICROSOFTML_RESOURCE_URL"] = baseUrl,
            ["IMDB_SENTIMENT_CACHE"] = _folder.PathOf("cache"),
            ["TMPDIR"] = Directory.CreateDirectory(_folder.PathOf("tmp")).FullName,
        };
        return TrainerProcess.RunWith(null, environment,
            ["train", "--model", "nasbert", "--dataset", _reviews, "--label-col", "1", "--has-header", "false", "--epochs", "1", "--output", Output, .. extra]);
    }

    private static void AssertOneErrorLine(TrainerProcess.Outcome outcome)
    {
        Assert.AreEqual(1, outcome.ExitCode, outcome.Error + outcome.Output);
        Assert.HasCount(1, outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), outcome.Error);
    }

    private void AssertNothingLeftBehind()
    {
        Assert.IsFalse(File.Exists(CachedWeights), "no weights file that ML.NET would take for the real one");
        var cacheFolder = Path.GetDirectoryName(CachedWeights)!;
        if (Directory.Exists(cacheFolder))
            Assert.IsEmpty(Directory.GetFiles(cacheFolder), "no partial download left behind");
        Assert.IsFalse(File.Exists(Output));
    }
}
