using System.Net.Http.Json;
using System.Text.Json;
using ImdbSentiment.Model;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Http;

/// <summary>
/// Whether the server answers what the in-process PredictionEngine says: the same label, the probability within 1e-5
/// (the serving contract) and the score within 1e-4, for every review in a sample, sent one by one and in
/// <c>texts</c> batches.
/// </summary>
internal static class ServedResponseCheck
{
    private const int BatchSize = 50;

    /// <returns>How many reviews were checked and how many matched.</returns>
    public static (int Checked, int Agreeing) Run(Uri address, SentimentModel model, IReadOnlyList<string> reviews)
    {
        using var client = new HttpClient { BaseAddress = address };
        // Not disposed: disposing a PredictionEngine disposes the model's ONNX session, which the pool's engines share.
        var engine = model.CreatePredictionEngine();
        var agreeing = 0;
        var singles = reviews.Take(BatchSize).ToArray();
        foreach (var text in singles)
            agreeing += Matches(Post(client, new { text }), engine, text) ? 1 : 0;
        foreach (var batch in reviews.Skip(BatchSize).Chunk(BatchSize))
        {
            var predictions = Post(client, new { texts = batch }).GetProperty("predictions").EnumerateArray().ToArray();
            agreeing += batch.Where((text, i) => i < predictions.Length && Matches(predictions[i], engine, text)).Count();
        }
        return (reviews.Count, agreeing);
    }

    private static JsonElement Post(HttpClient client, object body)
    {
        using var response = client.PostAsJsonAsync("/predict", body).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.Clone();
    }

    private static bool Matches(JsonElement served, PredictionEngine<ReviewInput, SentimentPrediction> engine, string text)
    {
        var expected = engine.Predict(new ReviewInput { Text = text });
        return Math.Abs(served.GetProperty("probability").GetSingle() - expected.Probability) <= 1e-5f
               && Math.Abs(served.GetProperty("score").GetSingle() - expected.Score) <= 1e-4f
               && served.GetProperty("label").GetString() == (expected.PredictedLabel ? "positive" : "negative");
    }
}
