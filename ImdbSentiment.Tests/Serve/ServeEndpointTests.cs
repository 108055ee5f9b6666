using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImdbSentiment.Model;
using ImdbSentiment.Tests.Faults;
using ImdbSentiment.Trainer.Serve;
using Microsoft.ML;

namespace ImdbSentiment.Tests.Serve;

/// <summary>Issue 12: serve's endpoints, on the real Kestrel server started in this process on a free loopback port, with the seed model.</summary>
[TestClass]
public sealed class ServeEndpointTests
{
    private const int MaximumTexts = 5;
    private const int MaximumRequestBytes = 4096;

    private static readonly StringWriter ServerOutput = new();
    private static SentimentServer _server = null!;
    private static HttpClient _client = null!;
    private static SentimentModel _model = null!;
    private static PredictionEngine<ReviewInput, SentimentPrediction> _engine = null!;

    [ClassInitialize]
    public static async Task StartServer(TestContext _)
    {
        _server = await SentimentServer.StartAsync(
            new ServeOptions { ModelPath = FaultCase.ShippedModel, Urls = "http://127.0.0.1:0", MaximumTexts = MaximumTexts, MaximumRequestBytes = MaximumRequestBytes },
            ServerOutput, ServerOutput);
        _client = new HttpClient { BaseAddress = new Uri(_server.Addresses.Single()) };
        _model = SentimentModel.Load(FaultCase.ShippedModel);
        _engine = _model.CreatePredictionEngine();
    }

    [ClassCleanup]
    public static async Task StopServer()
    {
        _client.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
        _engine.Dispose();
        _model.Dispose();
    }

    [TestMethod]
    public void TheServer_ListensOnLoopbackOnly_WithThePortItWasGiven()
    {
        var address = new Uri(_server.Addresses.Single());
        Assert.IsTrue(IPAddress.Parse(address.Host).Equals(IPAddress.Loopback), address.ToString());
        Assert.AreNotEqual(0, address.Port);
    }

    [TestMethod]
    public async Task Predict_OneText_IsWhatThePredictionEngineSays()
    {
        foreach (var text in new[] { ReadmeExamples.Positive, ReadmeExamples.Negative, ReadmeExamples.ShortPositive, "Dreadful.\n\tA \"waste\" of time \\ money ✓" })
        {
            var (status, body) = await PostAsync(JsonSerializer.Serialize(new { text }));
            Assert.AreEqual(HttpStatusCode.OK, status, body.ToString());
            ServedPrediction.From(body).AssertEquals(_engine.Predict(new ReviewInput { Text = text }), text);
        }
    }

    [TestMethod]
    public async Task Predict_Texts_GivesOneResultPerText_InOrder_EachWhatThePredictionEngineSays()
    {
        var reviews = SyntheticReviews.Create(40, seed: 12).Select(review => review.Text).ToArray();
        foreach (var texts in reviews.Chunk(MaximumTexts))
        {
            var (status, body) = await PostAsync(JsonSerializer.Serialize(new { texts }));
            Assert.AreEqual(HttpStatusCode.OK, status, body.ToString());
            var predictions = body.GetProperty("predictions").EnumerateArray().Select(ServedPrediction.From).ToArray();
            Assert.HasCount(texts.Length, predictions);
            for (var i = 0; i < texts.Length; i++)
                predictions[i].AssertEquals(_engine.Predict(new ReviewInput { Text = texts[i] }), texts[i]);
        }
    }

    [TestMethod]
    public async Task Predict_ManyClientsAtOnce_EachGetsItsOwnReviewsResult()
    {
        var reviews = SyntheticReviews.Create(64, seed: 13).Select(review => review.Text).ToArray();
        var served = await Task.WhenAll(reviews.Select(text => PostAsync(JsonSerializer.Serialize(new { text }))));
        for (var i = 0; i < reviews.Length; i++)
            ServedPrediction.From(served[i].Body).AssertEquals(_engine.Predict(new ReviewInput { Text = reviews[i] }), reviews[i]);
    }

    [TestMethod]
    [DataRow("not json", "body")]
    [DataRow("", "body")]
    [DataRow("{\"text\": \"unfinished", "body")]
    [DataRow("[\"a review\"]", "body")]
    [DataRow("\"a review\"", "body")]
    [DataRow("{}", "text")]
    [DataRow("{\"review\": \"a good film\"}", "text")]
    [DataRow("{\"text\": \"a good film\", \"texts\": [\"a bad film\"]}", "text")]
    [DataRow("{\"text\": null}", "text")]
    [DataRow("{\"text\": 42}", "text")]
    [DataRow("{\"text\": \"\"}", "text")]
    [DataRow("{\"text\": \"  ?! \"}", "text")]
    [DataRow("{\"texts\": \"a good film\"}", "texts")]
    [DataRow("{\"texts\": []}", "texts")]
    [DataRow("{\"texts\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]}", "texts")]
    [DataRow("{\"texts\": [\"a good film\", 3]}", "texts[1]")]
    [DataRow("{\"texts\": [\"a good film\", \"a bad one\", \"...\"]}", "texts[2]")]
    [DataRow("{\"text\": \"a lone surrogate \\ud800\"}", "text")]
    [DataRow("{\"texts\": [\"fine\", \"\\udfff\"]}", "texts[1]")]
    [DataRow("{\"te\\ud800xt\": \"a good film\"}", "body")]
    public async Task Predict_BadInput_Is400_WithAJsonErrorNamingTheField(string request, string field)
    {
        var (status, body) = await PostAsync(request);

        AssertRejected(status, body, field);
    }

    [TestMethod]
    public async Task Predict_TextThatIsNotUtf8_Is400NamingTheField()
    {
        byte[] request = [.. "{\"texts\": [\"fine\", \"bad "u8, 0xC3, 0x28, .. "\"]}"u8];

        var (status, body) = await SendAsync(Json(new ByteArrayContent(request)));

        AssertRejected(status, body, "texts[1]");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public async Task Predict_ABodyOverTheSizeLimit_Is400NamingTheBody_WithOrWithoutContentLength(bool chunked)
    {
        var request = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = string.Join(' ', Enumerable.Repeat("long", MaximumRequestBytes / 4)) }));
        var content = Json(chunked ? new StreamContent(new MemoryStream(request)) : new ByteArrayContent(request));
        if (chunked)
            content.Headers.ContentLength = null;

        var (status, body) = await SendAsync(content);

        AssertRejected(status, body, "body");
        StringAssert.Contains(body.GetProperty("error").GetString(), $"{MaximumRequestBytes:N0} bytes");
    }

    [TestMethod]
    public async Task Health_IsOk()
    {
        using var response = await _client.GetAsync("/health");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task Model_GivesTheZipsFacts_WhatThePipelineShows_AndTheCardFromItsReport()
    {
        using var response = await _client.GetAsync("/model");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var facts = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var zip = new FileInfo(FaultCase.ShippedModel);
        Assert.AreEqual(zip.Name, facts.GetProperty("file").GetString());
        Assert.AreEqual(zip.Length, facts.GetProperty("bytes").GetInt64());
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(zip.FullName))), facts.GetProperty("sha256").GetString());
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(zip.DirectoryName!, "imdb-sentiment-report", "metrics.json")));
        var options = metrics.RootElement.GetProperty("options");
        // The pipeline's own settings agree with what training recorded.
        Assert.AreEqual(options.GetProperty("featurizer").GetProperty("vocabularySize").GetInt32(), facts.GetProperty("vocabularySize").GetInt32());
        Assert.AreEqual(options.GetProperty("featurizer").GetProperty("maxLength").GetInt32(), facts.GetProperty("maxLength").GetInt32());
        Assert.IsFalse(facts.GetProperty("ngramFeatures").GetBoolean());
        var card = facts.GetProperty("card");
        Assert.AreEqual("imdb-sentiment-report/metrics.json", card.GetProperty("source").GetString());
        Assert.AreEqual(options.GetProperty("network").GetProperty("architecture").GetString(), card.GetProperty("architecture").GetString());
        Assert.AreEqual(metrics.RootElement.GetProperty("test").GetProperty("accuracy").GetDouble(), card.GetProperty("testAccuracy").GetDouble());
        Assert.AreEqual(metrics.RootElement.GetProperty("test").GetProperty("count").GetInt32(), card.GetProperty("testReviews").GetInt32());
    }

    [TestMethod]
    public async Task RequestLogging_IsOffByDefault()
    {
        await PostAsync(JsonSerializer.Serialize(new { text = ReadmeExamples.Positive }));

        Assert.AreEqual("", ServerOutput.ToString());
    }

    private static void AssertRejected(HttpStatusCode status, JsonElement body, string field)
    {
        Assert.AreEqual(HttpStatusCode.BadRequest, status, body.ToString());
        Assert.AreEqual(field, body.GetProperty("field").GetString(), body.ToString());
        StringAssert.StartsWith(body.GetProperty("error").GetString(), field + ": ");
    }

    private static HttpContent Json(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json) =>
        SendAsync(new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpContent content)
    {
        using (content)
        using (var response = await _client.PostAsync("/predict", content))
        {
            StringAssert.StartsWith(response.Content.Headers.ContentType?.MediaType, "application/json");
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }
    }
}
