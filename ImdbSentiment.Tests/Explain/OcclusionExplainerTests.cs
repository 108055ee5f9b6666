using ImdbSentiment.Model;
using ImdbSentiment.Model.Explain;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Explain;

[TestClass]
public sealed class OcclusionExplainerTests
{
    private const string Neutral = "We watched this film on a Sunday afternoon with my brother. It was ";

    private static readonly Dictionary<string, SentimentModel> Models = [];

    [ClassInitialize]
    public static void LoadModels(TestContext _)
    {
        foreach (var name in new[] { "imdb-sentiment.zip", "imdb-sentiment-best.zip" })
            Models[name] = SentimentModel.Load(Path.Combine(DataFixtures.FindRepoRoot()!, "models", name));
    }

    [ClassCleanup]
    public static void DisposeModels()
    {
        foreach (var model in Models.Values)
            model.Dispose();
    }

    [TestMethod]
    [DataRow("imdb-sentiment.zip", "awful", false)]
    [DataRow("imdb-sentiment.zip", "excellent", true)]
    [DataRow("imdb-sentiment-best.zip", "awful", false)]
    [DataRow("imdb-sentiment-best.zip", "Excellent", true)]
    public void TheDecisiveWord_HasTheLargestContribution_WithItsSign(string model, string decisive, bool positive)
    {
        var explanation = new OcclusionExplainer(Models[model]).Explain(Neutral + decisive + ".");

        Assert.AreEqual(positive, explanation.Prediction.PredictedLabel, $"probability {explanation.Prediction.Probability}");
        var strongest = explanation.Strongest(1)[0];
        Assert.AreEqual(decisive, strongest.Word, string.Join(", ", explanation.Words.Select(w => $"{w.Word} {w.Contribution:F4}")));
        Assert.AreEqual(positive, strongest.Contribution > 0);
        Assert.AreEqual(decisive, explanation.Text.Substring(strongest.Span.Start, strongest.Span.Length), "the span is the word in the text");
        Assert.HasCount(14, explanation.Words);
    }

    [TestMethod]
    [DataRow("imdb-sentiment-ngram.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void OpenedForTheReview_GivesTheExplanationOfTheWholeModel(string model)
    {
        var path = Path.Combine(DataFixtures.FindRepoRoot()!, "models", model);
        var text = Neutral + "not awful at all, a good film, not a bad one.";

        using var whole = OcclusionExplainer.Open(path);
        using var openedFor = OcclusionExplainer.OpenFor(path, text);
        var expected = whole.Explain(text);
        var explanation = openedFor.Explain(text);

        Assert.AreEqual(expected.Prediction.Probability, explanation.Prediction.Probability);
        CollectionAssert.AreEqual(expected.Words.Select(word => (word.Word, word.Contribution)).ToArray(), explanation.Words.Select(word => (word.Word, word.Contribution)).ToArray());
        Assert.IsTrue(explanation.Words.Any(word => Math.Abs(word.Contribution) > 0.01), "some words should move the prediction");
    }

    [TestMethod]
    public void AContribution_IsTheProbabilityWithTheWordMinusWithItOccluded()
    {
        var model = Models["imdb-sentiment-best.zip"];
        var text = Neutral + "awful.";

        var awful = new OcclusionExplainer(model).Explain(text).Words.Single(word => word.Word == "awful");

        var engine = model.CreatePredictionEngine();
        var with = engine.Predict(new() { Text = text }).Probability;
        var without = engine.Predict(new() { Text = Neutral + "zzzqqqxxxnonword." }).Probability;
        Assert.AreEqual(with - without, awful.Contribution, 1e-6, "any word outside the vocabulary occludes alike");
    }

    [TestMethod]
    public void WordsBeyondTheSeedModelsWindow_ContributeNothing()
    {
        // The seed model reads the last 100 ids (truncating pre): of 150 words, the first 50 are never seen.
        var text = "awful " + string.Join(' ', Enumerable.Repeat("we watched it on sunday", 29)) + " awful";

        var words = new OcclusionExplainer(Models["imdb-sentiment.zip"]).Explain(text).Words;

        Assert.HasCount(147, words);
        Assert.IsTrue(words.Take(47).All(word => word.Contribution == 0), "unseen words move nothing");
        Assert.IsLessThan(0f, words[^1].Contribution, "the same word where the model reads it");
    }

    [TestMethod]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void ThePlaceholder_IsOutOfVocabulary_WhereCommonWordsAreNot(string model)
    {
        using var scorer = SentimentScorer.Over(Models[model]);
        Assert.IsTrue(scorer.Featurizer.IsUnknownWord(OcclusionExplainer.Placeholder));
        Assert.IsFalse(scorer.Featurizer.IsUnknownWord("the"));
        Assert.AreEqual(1, Model.Text.ReviewTokenizer.Tokenize(OcclusionExplainer.Placeholder).Length, "one word, so positions stay");
    }

    [TestMethod]
    public void AReviewWithoutWords_IsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => new OcclusionExplainer(Models["imdb-sentiment.zip"]).Explain(" ... "));
}
