using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImdbSentiment.Model;
using ImdbSentiment.Tests.Faults;

namespace ImdbSentiment.Tests.Serve;

/// <summary>Issue 12: samples/ImdbSentiment.WebApp, an ASP.NET Core app that serves the model through AddSentimentPredictor.</summary>
[TestClass]
public sealed partial class WebAppSampleTests
{
    [TestMethod]
    public async Task TheSample_AnswersAsThePredictionEngine_AndRefusesAnEmptyText_AndAnotherHostName()
    {
        using var fault = new FaultCase();
        using var app = RunningCommand.OfAssembly(
            BuiltAssembly.Of(Path.Combine("samples", "ImdbSentiment.WebApp"), "ImdbSentiment.WebApp"), fault, "--urls", "http://127.0.0.1:0");
        app.WaitUntil(() => ListeningLine().IsMatch(app.OutputSoFar), "the app's 'Now listening on' line");
        using var client = new HttpClient { BaseAddress = new Uri(ListeningLine().Match(app.OutputSoFar).Groups["address"].Value) };

        using var answer = await client.GetAsync("/sentiment?text=" + Uri.EscapeDataString(ReadmeExamples.Negative));
        using var refusal = await client.GetAsync("/sentiment?text=%20");
        using var rebound = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/sentiment?text=good") { Headers = { Host = "evil.example" } });

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        using var model = SentimentModel.Load(FaultCase.ShippedModel);
        using var engine = model.CreatePredictionEngine();
        var expected = engine.Predict(new ReviewInput { Text = ReadmeExamples.Negative });
        Assert.AreEqual(expected.Probability, body.GetProperty("probability").GetSingle(), 0f);
        Assert.AreEqual(expected.PredictedLabel ? "positive" : "negative", body.GetProperty("label").GetString());
        Assert.AreEqual(HttpStatusCode.BadRequest, refusal.StatusCode);
        Assert.AreEqual("text", JsonDocument.Parse(await refusal.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        Assert.AreEqual(HttpStatusCode.BadRequest, rebound.StatusCode, "a name the app was not started for (DNS rebinding) is refused");
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://[0-9.]+:[0-9]+)")]
    private static partial Regex ListeningLine();
}
