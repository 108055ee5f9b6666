namespace ImdbSentiment.Trainer.Serve;

/// <summary>The settings of <c>serve</c>, one per flag.</summary>
internal sealed record ServeOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public const int DefaultMaximumTexts = 100;
    public const long DefaultMaximumRequestBytes = 1 << 20;

    public required string ModelPath { get; init; }

    /// <summary>Where to listen, ';'-separated as ASP.NET's --urls; port 0 takes a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The most reviews one <c>texts</c> request may hold.</summary>
    public int MaximumTexts { get; init; } = DefaultMaximumTexts;

    /// <summary>The largest request body accepted.</summary>
    public long MaximumRequestBytes { get; init; } = DefaultMaximumRequestBytes;

    /// <summary>Host names answered besides the loopback names and the hosts of <see cref="Urls"/>, ';'-separated; "*" for any.</summary>
    public string? AllowedHosts { get; init; }

    /// <summary>One line per request on standard output.</summary>
    public bool LogRequests { get; init; }

    /// <summary>How long a graceful stop waits for requests in flight.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> UrlList => SplitUrls(Urls);

    public IReadOnlyList<string> AllowedHostList => Serve.AllowedHosts.For(UrlList, SplitUrls(AllowedHosts ?? ""));

    public static string[] SplitUrls(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
