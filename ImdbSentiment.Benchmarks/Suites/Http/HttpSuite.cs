using System.Text.Json;
using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Benchmarks.Suites.Processes;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;

namespace ImdbSentiment.Benchmarks.Suites.Http;

/// <summary>
/// http: <c>imdb-sentiment serve</c> under hey on loopback, for each model (--model, else the three shipped models):
/// requests/s, p50/p99 latency and failures for one review per request and for batches, beside the same work done in
/// process through the PooledSentimentPredictor; and a check that a sample of the server's answers equals the
/// in-process PredictionEngine's. Every hey run is bounded (10 s, or a count for the warm-up).
/// </summary>
internal sealed class HttpSuite : ISuite
{
    private const int CheckedReviews = 500, BatchReviews = 32;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10), BaselineDuration = TimeSpan.FromSeconds(5);

    private static readonly (string Name, int Reviews, int Clients, int WarmUpRequests)[] Requests =
        [("1 review", 1, 8, 2000), ($"{BatchReviews} reviews", BatchReviews, 4, 200)];

    public string Name => "http";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        output.WriteLine("## http: serve under a real HTTP load generator (hey), on loopback");
        output.WriteLine();
        if (HeyRun.Find() is not { } hey)
        {
            output.WriteLine($"Skipped: '{HeyRun.Program}' is not on PATH (Debian: apt-get install hey).");
            output.WriteLine();
            return;
        }
        var cli = TrainerBuild.BuiltAssembly(context.RepositoryRoot);
        if (!File.Exists(cli))
        {
            output.WriteLine($"Skipped: {cli} is missing: build the solution first.");
            output.WriteLine();
            return;
        }

        var reviews = context.Reviews.Take(CheckedReviews).Select(review => review.Text).ToArray();
        var table = new MarkdownTable("model", "what", "request", "clients", "requests/s", "reviews/s", "p50 ms", "p99 ms", "requests", "failed");
        var notes = new List<string>();
        using var folder = new TemporaryFolder();
        foreach (var modelPath in Models(context))
        {
            var name = Path.GetFileName(modelPath);
            Progress.Report($"http: {name}: starting serve...");
            using var model = SentimentModel.Load(modelPath);
            using var predictor = new PooledSentimentPredictor(model);
            var serve = ServeProcess.Start(cli, modelPath);
            using (serve)
            {
                var (checkedCount, agreeing) = ServedResponseCheck.Run(serve.Address, model, reviews);
                notes.Add($"{name}: {agreeing:N0} of {checkedCount:N0} served results agree with the in-process PredictionEngine (same label, probability within 1e-5, score within 1e-4)");
                foreach (var (request, count, clients, warmUp) in Requests)
                {
                    var texts = MedianLengthReviews(reviews, count);
                    var body = folder.File($"{Path.GetFileNameWithoutExtension(name)}-{count}.json");
                    File.WriteAllText(body, count == 1 ? JsonSerializer.Serialize(new { text = texts[0] }) : JsonSerializer.Serialize(new { texts }));
                    var url = new Uri(serve.Address, "/predict");
                    Progress.Report($"http: {name}: {request} per request, warm-up then {Duration.TotalSeconds} s of hey with {clients} clients...");
                    HeyRun.Run(hey, url, body, clients, "-n", warmUp.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Add(table, name, "OURS: serve over HTTP (hey)", request, clients, count, HeyRun.Run(hey, url, body, clients, "-z", $"{Duration.TotalSeconds}s"));
                    Add(table, name, "BASELINE: PooledSentimentPredictor in process", request, Environment.ProcessorCount, count,
                        InProcessLoad.Run(predictor, texts, Environment.ProcessorCount, BaselineDuration));
                }
            }
            notes.Add($"{name}: serve's exit code after SIGTERM: {serve.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (it had to be killed)"}");
        }

        table.WriteTo(output);
        foreach (var note in notes)
            output.WriteLine($"- {note}.");
        output.WriteLine($"- Each OURS row is one hey run of {Duration.TotalSeconds} s (after a warm-up of a fixed request count) against `serve` in its own process, " +
                         $"hey and the server sharing the machine's cores; each BASELINE row predicts the same reviews in process on one thread per core for {BaselineDuration.TotalSeconds} s, " +
                         "so the difference is HTTP, JSON and hey's own share of the cores. Requests carry reviews of median length among the first " +
                         $"{CheckedReviews:N0}; failed counts non-200 responses and requests with no response.");
        output.WriteLine();
    }

    private static void Add(MarkdownTable table, string model, string what, string request, int clients, int reviewsPerRequest, LoadResult result) =>
        table.Add(model, what, request, clients.ToString(System.Globalization.CultureInfo.InvariantCulture), Units.PerSecond(result.RequestsPerSecond),
            Units.PerSecond(result.RequestsPerSecond * reviewsPerRequest), Units.Milliseconds(result.P50Milliseconds), Units.Milliseconds(result.P99Milliseconds),
            Units.Count(result.Responses), Units.Count(result.Failures));

    private static IEnumerable<string> Models(BenchmarkContext context) =>
        context.ModelPath is { } given
            ? [given]
            : new[] { "imdb-sentiment.zip", "imdb-sentiment-ngram.zip", "imdb-sentiment-best.zip" }.Select(name => Path.Combine(context.RepositoryRoot, "models", name)).Where(File.Exists);

    // The reviews around the median length, so a request is neither a one-liner nor the longest review.
    private static string[] MedianLengthReviews(IReadOnlyList<string> reviews, int count)
    {
        var byLength = reviews.OrderBy(review => review.Length).ToArray();
        return byLength.Skip(Math.Max(0, byLength.Length / 2 - count / 2)).Take(count).ToArray();
    }
}
