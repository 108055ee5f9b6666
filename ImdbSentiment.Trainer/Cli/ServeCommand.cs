using System.CommandLine;
using System.CommandLine.Parsing;
using ImdbSentiment.Trainer.Serve;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// serve: the model over HTTP on Kestrel, loopback only unless --urls says otherwise. The first Ctrl-C or SIGTERM stops
/// it gracefully: no new connections, the requests in flight are answered, exit code 0; a second one ends it at once.
/// </summary>
internal static class ServeCommand
{
    private const int MostTexts = 100_000;
    private const long FewestRequestBytes = 1 << 10, MostRequestBytes = 1 << 30;

    public static Command Create()
    {
        var model = ModelOption.Create();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen: http://HOST:PORT, several separated by ';' (port 0 picks a free port). The default is loopback only.",
            DefaultValueFactory = _ => ServeOptions.DefaultUrls,
        };
        var maximumTexts = new Option<int>("--max-texts")
        {
            Description = "The most reviews one {\"texts\": [...]} request may hold.", DefaultValueFactory = _ => ServeOptions.DefaultMaximumTexts,
        };
        var maximumRequestBytes = new Option<long>("--max-request-bytes")
        {
            Description = "The largest request body accepted, in bytes.", DefaultValueFactory = _ => ServeOptions.DefaultMaximumRequestBytes,
        };
        var allowedHosts = new Option<string?>("--allowed-hosts")
        {
            Description = "Host names answered besides localhost, 127.0.0.1, [::1] and the hosts of --urls, separated by ';' (*.example.com for a " +
                          "domain's names, * for any, behind a proxy that checks them). Other Host headers get 400: a page in a browser cannot reach the server under its own name.",
        };
        var logRequests = new Option<bool>("--log-requests") { Description = "Print one line per request (time, method, path, status, milliseconds); off by default." };
        urls.Validators.Add(result => AddError(result, ListenUrls.Problem(ServeOptions.SplitUrls(result.GetValueOrDefault<string>()))));
        allowedHosts.Validators.Add(result => AddError(result,
            ServeOptions.SplitUrls(result.GetValueOrDefault<string?>() ?? "").Select(AllowedHosts.Problem).FirstOrDefault(problem => problem is not null)));
        maximumTexts.Validators.Add(result => AddError(result, InRange(result.GetValueOrDefault<int>(), 1, MostTexts)));
        maximumRequestBytes.Validators.Add(result => AddError(result, InRange(result.GetValueOrDefault<long>(), FewestRequestBytes, MostRequestBytes)));

        var command = new Command("serve",
            "Serve the model over HTTP: POST /predict with {\"text\": \"...\"} or {\"texts\": [...]}, GET /health, GET /model.")
        {
            model, urls, allowedHosts, maximumTexts, maximumRequestBytes, logRequests,
        };
        command.SetAction((parse, cancellation) => CommandFailure.Guard(() => RunAsync(new ServeOptions
        {
            ModelPath = parse.GetValue(model)!,
            Urls = parse.GetValue(urls)!,
            AllowedHosts = parse.GetValue(allowedHosts),
            MaximumTexts = parse.GetValue(maximumTexts),
            MaximumRequestBytes = parse.GetValue(maximumRequestBytes),
            LogRequests = parse.GetValue(logRequests),
        }, cancellation)));
        return command;
    }

    private static async Task<int> RunAsync(ServeOptions options, CancellationToken cancellation)
    {
        foreach (var url in ListenUrls.BeyondLoopback(options.UrlList))
            await Console.Error.WriteLineAsync($"warning: --urls {url} can be reached from other machines, not only from this one " +
                                               "(requests are answered only under the names of --urls and --allowed-hosts).");
        await using var server = await SentimentServer.StartAsync(options, Console.Out, Console.Error);
        using (var interrupt = new InterruptSignal(cancellation))
        {
            Console.WriteLine($"Serving {options.ModelPath} on {string.Join(", ", server.Addresses)}: POST {SentimentEndpoints.PredictPath}, " +
                              $"GET {SentimentEndpoints.HealthPath}, GET {SentimentEndpoints.ModelPath}. Ctrl-C or SIGTERM stops it.");
            try
            {
                await Task.Delay(Timeout.Infinite, interrupt.Token);
            }
            catch (OperationCanceledException)
            {
                // The signal: stop gracefully below.
            }
        }
        await server.StopAsync();
        Console.WriteLine("Stopped: the requests in flight were answered first.");
        return ExitCodes.Success;
    }

    private static void AddError(OptionResult result, string? problem)
    {
        if (problem is not null)
            result.AddError($"{result.Option.Name}: {problem}");
    }

    private static string? InRange(long value, long lowest, long highest) =>
        value < lowest || value > highest ? $"{value:N0} is out of range: expected {lowest:N0} to {highest:N0}" : null;
}
