using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace ImdbSentiment.Tests.Serving;

/// <summary>Issue 12: services.AddSentimentPredictor(modelPath), the dependency-injection entry point for other ASP.NET apps.</summary>
[TestClass]
public sealed class SentimentPredictorRegistrationTests
{
    [TestMethod]
    public void AddSentimentPredictor_GivesOnePooledPredictor_ThatPredictsAsTheEngineDoes()
    {
        using var provider = new ServiceCollection().AddSentimentPredictor(FaultCase.ShippedModel).BuildServiceProvider();
        using var model = SentimentModel.Load(FaultCase.ShippedModel);
        using var engine = model.CreatePredictionEngine();

        var predictor = provider.GetRequiredService<PooledSentimentPredictor>();

        Assert.AreSame(predictor, provider.GetRequiredService<PooledSentimentPredictor>());
        foreach (var text in new[] { ReadmeExamples.Positive, ReadmeExamples.Negative })
        {
            var served = predictor.Predict(text);
            var expected = engine.Predict(new ReviewInput { Text = text });
            Assert.AreEqual(expected.Probability, served.Probability, 0f);
            Assert.AreEqual(expected.PredictedLabel, served.PredictedLabel);
        }
    }

    [TestMethod]
    public void DisposingTheContainer_DisposesTheModel_AndRemovesItsUnpackedFiles()
    {
        var provider = new ServiceCollection().AddSentimentPredictor(FaultCase.ShippedModel).BuildServiceProvider();
        var unpacked = provider.GetRequiredService<SentimentModel>().MLContext.TempFilePath;
        Assert.IsTrue(Directory.Exists(unpacked));

        provider.Dispose();

        Assert.IsFalse(Directory.Exists(unpacked), unpacked);
    }

    [TestMethod]
    public void AddSentimentPredictor_WithABadModel_FailsWhenFirstResolved_NamingTheFile()
    {
        using var provider = new ServiceCollection().AddSentimentPredictor("no-such-model.zip").BuildServiceProvider();

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => provider.GetRequiredService<PooledSentimentPredictor>());

        StringAssert.StartsWith(error.Message, "no-such-model.zip: no model file there");
    }

    [TestMethod]
    public void AddSentimentPredictor_WithoutAPath_IsRefusedAtRegistration()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new ServiceCollection().AddSentimentPredictor(" "));

        Assert.AreEqual(nameof(SentimentPredictorOptions.ModelPath), error.ParamName);
    }
}
