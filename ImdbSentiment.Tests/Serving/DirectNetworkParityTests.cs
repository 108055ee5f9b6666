using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// score's direct path (our featurizer on the text, one onnxruntime call per review, no ML.NET row pipeline) gives
/// every review of both shipped models the PredictionEngine's probability bit for bit, so score's output is the same
/// bytes as when it ran the engine: real reviews of the shared training split, and texts that probe the tokenizer's
/// edges (line-break tags, case, apostrophes, digits, non-Latin letters, bytes that are not UTF-8, long reviews). The
/// same holds when the zip is read without ML.NET (<see cref="ServingModel.Load"/>), as score and predict read it.
/// </summary>
[TestClass]
public sealed class DirectNetworkParityTests
{
    private const int EveryNthReview = 25;

    private static readonly string[] EdgeTexts =
    [
        "GREAT<br />film<BR>really<br/>it's the 2nd time I've seen it",
        "Ça m'a plu: très bien ! Кино хорошее, 映画は良かった",
        "bad \uDCE9 film \uDCFF\uDC80 really",
        string.Join(' ', Enumerable.Repeat("boring dull awful wonderful", 300)),
        "x",
    ];

    [TestMethod]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void DirectScorer_GivesThePredictionEnginesProbability_Exactly(string modelFile)
    {
        var reviews = AclImdbReader.Read(SharedAclImdbArchiveTests.ArchivePath(), "train")
            .Where((_, index) => index % EveryNthReview == 0).Select(review => review.Text);
        using var model = SentimentModel.Load(Path.Combine(DataFixtures.FindRepoRoot()!, "models", modelFile));
        using var network = new DirectNetwork(model);
        using var scorer = network.CreateScorer();
        // What score and predict serve: the zip read without ML.NET.
        using var served = ServingModel.Load(model.Path);
        using var servedScorer = served.CreateScorer();
        var engine = model.CreatePredictionEngine();

        var compared = 0;
        foreach (var text in reviews.Concat(EdgeTexts))
        {
            var expected = engine.Predict(new ReviewInput { Text = EscapedBytes.Replaced(text) }).Probability;
            Assert.AreEqual(expected, scorer.Probability(text), 0f, $"{modelFile}: {text[..Math.Min(80, text.Length)]}");
            Assert.AreEqual(expected, servedScorer.Probability(text), 0f, $"{modelFile}, read without ML.NET: {text[..Math.Min(80, text.Length)]}");
            compared++;
        }
        Assert.IsGreaterThan(1000, compared);
    }
}
