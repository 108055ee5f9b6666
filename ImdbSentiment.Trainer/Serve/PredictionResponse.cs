using ImdbSentiment.Model;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>One review's result in a /predict response: the label, the probability of positive and the logit, as the engine returned them.</summary>
internal sealed record PredictionResponse(string Label, float Probability, float Score)
{
    public const string Positive = "positive";
    public const string Negative = "negative";

    public static PredictionResponse From(SentimentPrediction prediction) =>
        new(prediction.PredictedLabel ? Positive : Negative, prediction.Probability, prediction.Score);
}

/// <summary>The response to a <c>texts</c> request: one result per review, in request order.</summary>
internal sealed record BatchPredictionResponse(IReadOnlyList<PredictionResponse> Predictions);
