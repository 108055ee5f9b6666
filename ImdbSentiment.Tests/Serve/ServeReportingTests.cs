using System.Text;
using System.Text.Json;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Faults;
using ImdbSentiment.Trainer.Serve;

namespace ImdbSentiment.Tests.Serve;

/// <summary>What serve tells besides predictions: the request log when asked for, and the model facts when the report is missing or broken.</summary>
[TestClass]
public sealed class ServeReportingTests
{
    [TestMethod]
    public async Task LogRequests_PrintsOneLinePerRequest_WithMethodPathAndStatus()
    {
        var output = new StringWriter();
        await using var server = await SentimentServer.StartAsync(
            new ServeOptions { ModelPath = FaultCase.ShippedModel, Urls = "http://127.0.0.1:0", LogRequests = true }, output, output);
        using var client = new HttpClient { BaseAddress = new Uri(server.Addresses.Single()) };

        using (await client.PostAsync("/predict", new StringContent("""{"text": "a fine film"}""", Encoding.UTF8, "application/json")))
        using (await client.PostAsync("/predict", new StringContent("{}", Encoding.UTF8, "application/json")))
        using (await client.GetAsync("/health"))
        {
        }
        await server.StopAsync();

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(3, lines, output.ToString());
        StringAssert.Contains(lines[0], " POST /predict 200 ");
        StringAssert.Contains(lines[1], " POST /predict 400 ");
        StringAssert.Contains(lines[2], " GET /health 200 ");
    }

    [TestMethod]
    public void ModelFacts_WithoutAReportBesideTheZip_HaveNoCard_ButStillThePipelinesSettings()
    {
        using var folder = new DataFixtures();
        var zip = folder.PathOf("copied.zip");
        File.Copy(FaultCase.ShippedModel, zip);
        using var predictor = PooledSentimentPredictor.Open(zip);
        var warnings = new StringWriter();

        var facts = ModelFacts.Read(predictor, warnings);

        Assert.IsNull(facts.Card);
        Assert.AreEqual("copied.zip", facts.File);
        Assert.IsNotNull(facts.VocabularySize);
        Assert.IsNotNull(facts.MaxLength);
        Assert.AreEqual("", warnings.ToString());
    }

    [TestMethod]
    [DataRow("none", true, "ngram-bag", true)]
    [DataRow("lstm", true, "ngram-bag+lstm", true)]
    [DataRow("gru", false, "gru", true)]
    [DataRow("lstm", true, "ngram-bag+lstm", false)]
    public void ModelFacts_NameTheNetworkAsTrainDoes(string architecture, bool ngramBranch, string networkName, bool groupedSettings)
    {
        using var folder = new DataFixtures();
        var zip = folder.PathOf("copied.zip");
        File.Copy(FaultCase.ShippedModel, zip);
        var network = new { architecture, ngramBranch };
        // train writes options.trainer.network; reports written before the settings were grouped (the shipped ones) have options.network.
        object options = groupedSettings ? new { trainer = new { network } } : new { network };
        folder.WriteText(Path.Combine("copied-report", "metrics.json"), JsonSerializer.Serialize(new { options, test = new { accuracy = 0.5 } }));
        using var predictor = PooledSentimentPredictor.Open(zip);

        var card = ModelFacts.Read(predictor, TextWriter.Null).Card;

        Assert.IsNotNull(card);
        Assert.AreEqual(networkName, card.Architecture);
        Assert.AreEqual(0.5, card.TestAccuracy);
        Assert.IsNull(card.TestReviews, "a figure the file lacks");
    }

    [TestMethod]
    public void ModelFacts_WithABrokenReport_WarnNamingTheFile_AndLeaveTheCardOut()
    {
        using var folder = new DataFixtures();
        var zip = folder.PathOf("copied.zip");
        File.Copy(FaultCase.ShippedModel, zip);
        var metrics = folder.WriteText(Path.Combine("copied-report", "metrics.json"), "{\"options\": ");
        using var predictor = PooledSentimentPredictor.Open(zip);
        var warnings = new StringWriter();

        var facts = ModelFacts.Read(predictor, warnings);

        Assert.IsNull(facts.Card);
        StringAssert.StartsWith(warnings.ToString(), $"warning: {metrics}: not a readable metrics.json");
    }
}
