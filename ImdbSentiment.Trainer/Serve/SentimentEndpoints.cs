using System.Text.Encodings.Web;
using System.Text.Json;
using ImdbSentiment.Model.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// POST /predict, GET (and HEAD) /health and /model. Bad input gets a 400 whose JSON body names the field
/// (<see cref="RequestError"/>); a /predict body not declared JSON gets a 415 in the same shape: browsers send
/// text/plain, form and multipart bodies from any page without asking the server first (a CORS "simple request").
/// </summary>
internal static class SentimentEndpoints
{
    public const string PredictPath = "/predict";
    public const string HealthPath = "/health";
    public const string ModelPath = "/model";
    public const string ContentTypeField = "Content-Type";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    // Quotes in error messages stay readable: the responses are never embedded in HTML.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(WebApplication app, PooledSentimentPredictor predictor, ModelFacts facts, ServeOptions options)
    {
        // Kestrel sends no body for HEAD, the headers (Content-Length included) as for GET.
        app.MapMethods(HealthPath, GetAndHead, context => WriteJsonAsync(context, StatusCodes.Status200OK, new { status = "ok" }));
        app.MapMethods(ModelPath, GetAndHead, context => WriteJsonAsync(context, StatusCodes.Status200OK, facts));
        app.MapPost(PredictPath, context => PredictAsync(context, predictor, options));
    }

    private static async Task PredictAsync(HttpContext context, PooledSentimentPredictor predictor, ServeOptions options)
    {
        if (!context.Request.HasJsonContentType())
        {
            var given = context.Request.ContentType is { Length: > 0 } type ? $"'{type}' is not JSON" : "missing";
            await WriteJsonAsync(context, StatusCodes.Status415UnsupportedMediaType,
                RequestError.For(ContentTypeField, $"{given}: expected application/json (or a +json type)"));
            return;
        }
        PredictRequest request;
        try
        {
            request = PredictRequest.Parse(await ReadBodyAsync(context.Request, options.MaximumRequestBytes, context.RequestAborted), options.MaximumTexts);
        }
        catch (RequestRejectedException rejected)
        {
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest, rejected.RequestError);
            return;
        }

        var predictions = request.Texts.Select(text => PredictionResponse.From(predictor.Predict(text))).ToArray();
        object response = request.IsBatch ? new BatchPredictionResponse(predictions) : predictions[0];
        await WriteJsonAsync(context, StatusCodes.Status200OK, response);
    }

    // Serialised whole first, so the response has a Content-Length instead of chunks.
    public static Task WriteJsonAsync(HttpContext context, int status, object value)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
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
