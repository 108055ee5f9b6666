using System.Text.Json;
using ImdbSentiment.Model;

namespace ImdbSentiment.Tests.Serve;

/// <summary>One result of POST /predict as the client reads it, and the check that it is what the in-process engine says.</summary>
internal sealed record ServedPrediction(string Label, float Probability, float Score)
{
    public static ServedPrediction From(JsonElement element) =>
        new(element.GetProperty("label").GetString()!, element.GetProperty("probability").GetSingle(), element.GetProperty("score").GetSingle());

    /// <summary>Bit for bit: the server runs the same engine, and JSON carries a float's shortest round-trip digits.</summary>
    public void AssertEquals(SentimentPrediction expected, string what)
    {
        Assert.AreEqual(expected.Probability, Probability, 0f, $"probability of {what}");
        Assert.AreEqual(expected.Score, Score, 0f, $"score of {what}");
        Assert.AreEqual(expected.PredictedLabel ? "positive" : "negative", Label, what);
    }
}
