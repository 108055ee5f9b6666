// An ASP.NET Core app as a user would write it: AddSentimentPredictor registers the model and a pool of prediction
// engines (as ML.NET's AddPredictionEnginePool would), and the endpoint asks for the pool.
// Usage: dotnet run --project samples/ImdbSentiment.WebApp -- [--Model PATH] [--urls http://127.0.0.1:5090]
//        curl 'http://127.0.0.1:5090/sentiment?text=A+moving,+beautifully+acted+film.'
using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;

var builder = WebApplication.CreateBuilder(args);
// Host filtering (ASP.NET's AllowedHosts, "*" when unset) answers only these names unless --AllowedHosts says others:
// a web page that rebinds its own name to 127.0.0.1 would otherwise read the answers.
builder.Configuration["AllowedHosts"] ??= "localhost;127.0.0.1;[::1]";
builder.Services.AddSentimentPredictor(builder.Configuration["Model"] ?? Path.Combine(AppContext.BaseDirectory, "imdb-sentiment.zip"));
var app = builder.Build();
// The model loads when the pool is first asked for: ask now, so that a bad zip stops the app before it listens.
app.Services.GetRequiredService<PooledSentimentPredictor>();

app.MapGet("/sentiment", (string? text, PooledSentimentPredictor predictor) =>
{
    if (!ReviewText.HasWords(text))
        return Results.BadRequest(new { field = "text", error = $"text: the review {ReviewText.NoWords}" });
    var prediction = predictor.Predict(text!);
    return Results.Ok(new { label = prediction.PredictedLabel ? "positive" : "negative", prediction.Probability, prediction.Score });
});

app.Run();
