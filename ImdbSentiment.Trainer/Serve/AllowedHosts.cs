using ImdbSentiment.Trainer.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// Host filtering against DNS rebinding: a web page that makes its own name resolve to 127.0.0.1 reaches the loopback
/// server as same-origin, but its requests carry that name in the Host header. So only the names the server was started
/// for are answered: the loopback names, the hosts --urls names, and those given with --allowed-hosts ("*.example.com"
/// for a domain's names, "*" for any, behind a proxy that checks them). Any other gets a 400 naming the Host field.
/// A request without a Host (HTTP/1.0) is answered: browsers always send one.
/// </summary>
internal static class AllowedHosts
{
    public const string HostField = "Host";

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The names answered: the loopback names, the hosts of <paramref name="urls"/> but their wildcards, and <paramref name="extra"/>.</summary>
    public static IReadOnlyList<string> For(IEnumerable<string> urls, IEnumerable<string> extra) =>
    [
        .. LoopbackNames
            .Concat(urls.Select(ListenUrls.HostName).OfType<string>())
            .Concat(extra)
            .Distinct(StringComparer.OrdinalIgnoreCase),
    ];

    /// <returns>Null when <paramref name="pattern"/> can be given to --allowed-hosts; else what is wrong with it.</returns>
    public static string? Problem(string pattern)
    {
        var name = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return pattern == "*" || Uri.CheckHostName(name) != UriHostNameType.Unknown
            ? null
            : $"'{pattern}' is not a host name: expected a name (sentiment.example.com), *.DOMAIN for its names, or an IP address, without scheme or port";
    }

    public static void Use(WebApplication app, IReadOnlyList<string> allowed)
    {
        var patterns = allowed.Select(host => new StringSegment(host)).ToList();
        var expected = string.Join(", ", allowed);
        app.Use((context, next) =>
        {
            var host = context.Request.Headers.Host.ToString();
            if (host.Length == 0 || HostString.MatchesAny(new StringSegment(host), patterns))
                return next(context);
            return SentimentEndpoints.WriteJsonAsync(context, StatusCodes.Status400BadRequest, RequestError.For(HostField,
                $"'{host}' is not a name this server answers to (a page under another name could be reading it): expected one of {expected}, " +
                "or start the server with --allowed-hosts NAME"));
        });
    }
}
