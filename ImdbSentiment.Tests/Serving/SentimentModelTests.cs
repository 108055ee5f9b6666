using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Rnn;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Tests.Serving;

[TestClass]
public sealed class SentimentModelTests
{
    private static DataFixtures _folder = null!;
    private static string _modelPath = null!;

    [ClassInitialize]
    public static void TrainSmallModel(TestContext _)
    {
        _folder = new DataFixtures();
        _modelPath = _folder.PathOf("model.zip");
        var data = new FeaturizedData(600, seed: 12);
        var trained = new SentimentNetworkTrainer(data.MLContext, FeaturizedData.Options()).Train(data.Featurized, data.Featurized);
        SentimentModel.Save(data.MLContext, data.Featurizer.Append(trained.Transformer), data.Raw.Schema, _modelPath);
    }

    [ClassCleanup]
    public static void Cleanup() => _folder.Dispose();

    [TestMethod]
    public void TruncatedZip_GivesAClearErrorNamingTheFile()
    {
        var bytes = File.ReadAllBytes(_modelPath);
        var truncated = _folder.PathOf("truncated.zip");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var error = Assert.ThrowsExactly<UnreadableModelException>(() => SentimentModel.Load(truncated));
        StringAssert.Contains(error.Message, truncated);
        StringAssert.Contains(error.Message, "not a readable ImdbSentiment model zip");
    }

    [TestMethod]
    public void NotAZip_GivesAClearErrorNamingTheFile()
    {
        var garbage = _folder.WriteText("garbage.zip", "this is not a model");
        var error = Assert.ThrowsExactly<UnreadableModelException>(() => SentimentModel.Load(garbage));
        StringAssert.Contains(error.Message, garbage);
    }

    [TestMethod]
    public void MissingFile_GivesAClearError()
    {
        var missing = _folder.PathOf("missing.zip");
        var error = Assert.ThrowsExactly<FileNotFoundException>(() => SentimentModel.Load(missing));
        StringAssert.Contains(error.Message, missing);
    }

    [TestMethod]
    public void PooledPredictor_FromEightThreads_AgreesWithOneThread()
    {
        using var model = SentimentModel.Load(_modelPath);
        var texts = SyntheticReviews.Create(400, seed: 13).Select(review => review.Text).ToArray();
        var engine = model.CreatePredictionEngine();
        var expected = texts.Select(text => engine.Predict(new() { Text = text }).Probability).ToArray();

        using var predictor = new PooledSentimentPredictor(model);
        var actual = new float[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = predictor.Predict(texts[i]).Probability);

        CollectionAssert.AreEqual(expected, actual);
        Assert.IsGreaterThan(10, expected.Distinct().Count());
    }
}
