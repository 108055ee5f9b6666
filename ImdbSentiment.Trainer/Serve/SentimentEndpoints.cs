using System.Text.Encodings.Web;
using System.Text.Json;
using ImdbSentiment.Model.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>POST /predict, GET /health and GET /model. Bad input gets a 400 whose JSON body names the field (<see cref="RequestError"/>).</summary>
internal static class SentimentEndpoints
{
    public const string PredictPath = "/predict";
    public const string HealthPath = "/health";
    public const string ModelPath = "/model";

    // Quotes in error messages stay readable: the responses are never embedded in HTML.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(WebApplication app, PooledSentimentPredictor predictor, ModelFacts facts, ServeOptions options)
    {
        app.MapGet(HealthPath, context => context.Response.WriteAsJsonAsync(new { status = "ok" }, Json, context.RequestAborted));
        app.MapGet(ModelPath, context => context.Response.WriteAsJsonAsync(facts, Json, context.RequestAborted));
        app.MapPost(PredictPath, context => PredictAsync(context, predictor, options));
    }

    private static async Task PredictAsync(HttpContext context, PooledSentimentPredictor predictor, ServeOptions options)
    {
        PredictRequest request;
        try
        {
            request = PredictRequest.Parse(await ReadBodyAsync(context.Request, options.MaximumRequestBytes, context.RequestAborted), options.MaximumTexts);
        }
        catch (RequestRejectedException rejected)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(rejected.RequestError, Json, context.RequestAborted);
            return;
        }

        var predictions = request.Texts.Select(text => PredictionResponse.From(predictor.Predict(text))).ToArray();
        object response = request.IsBatch ? new BatchPredictionResponse(predictions) : predictions[0];
        await context.Response.WriteAsJsonAsync(response, response.GetType(), Json, context.RequestAborted);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, long maximumBytes, CancellationToken cancellation)
    {
        using var body = new MemoryStream();
        try
        {
            // Kestrel enforces the limit (MaxRequestBodySize), on a Content-Length or a chunked body alike.
            await request.Body.CopyToAsync(body, cancellation);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new RequestRejectedException(RequestError.For(PredictRequest.BodyField,
                $"larger than the {maximumBytes:N0} bytes a request may have (the server's --max-request-bytes): send fewer or shorter reviews per request"));
        }
        catch (BadHttpRequestException exception)
        {
            throw new RequestRejectedException(RequestError.For(PredictRequest.BodyField, $"not read to its end ({exception.Message.TrimEnd('.')})"));
        }
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }
}
