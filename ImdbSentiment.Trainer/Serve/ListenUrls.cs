using System.Net;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// The rules for --urls: plain-HTTP addresses whose host is an IP address a socket can listen on, localhost, or * (or
/// +) for every interface. Kestrel would bind any other host name to every interface, which is never what a name means.
/// </summary>
internal static class ListenUrls
{
    /// <returns>Null when every address is good; else what is wrong with the first bad one.</returns>
    public static string? Problem(IReadOnlyList<string> urls)
    {
        if (urls.Count == 0)
            return "no address given: expected e.g. http://127.0.0.1:5080";
        foreach (var url in urls)
        {
            if (Parse(url) is not { } uri || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
                return $"'{url}' is not an address to listen on: expected http://HOST:PORT, e.g. http://127.0.0.1:5080";
            if (uri.Scheme == "https")
                return $"'{url}': serve speaks plain HTTP (no certificate is configured): use http://, and a TLS proxy in front for HTTPS";
            if (uri.Host != Wildcard && !uri.IsLoopback && uri.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6))
                return $"'{url}': the host '{uri.Host}' is a name; give an IP address (127.0.0.1), localhost, or * for every interface";
            if (AddressOf(uri) is { } address && Unlistenable(address) is { } why)
                return $"'{url}': {why}, which no socket listens on: give an address of this machine (127.0.0.1, 0.0.0.0 or * for every interface)";
        }
        return null;
    }

    /// <summary>The addresses that other machines could reach (not loopback), for a warning.</summary>
    public static IEnumerable<string> BeyondLoopback(IReadOnlyList<string> urls) =>
        urls.Where(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback);

    /// <summary>
    /// The addresses as Kestrel takes them: it picks a free port for 127.0.0.1:0 but refuses localhost:0 (it would
    /// need the same port on 127.0.0.1 and [::1]), so localhost with port 0 listens on 127.0.0.1.
    /// </summary>
    public static string[] ForKestrel(IEnumerable<string> urls) =>
    [
        .. urls.Select(url => Parse(url) is { Port: 0 } uri && uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? $"{uri.Scheme}://127.0.0.1:0"
            : url),
    ];

    /// <summary>The host a client names to reach <paramref name="url"/> (as a Host header has it); null for every interface.</summary>
    public static string? HostName(string url) =>
        Parse(url) is { } uri && uri.Host != Wildcard && !(AddressOf(uri) is { } address && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)))
            ? uri.Host
            : null;

    private const string Wildcard = "wildcard";

    // Kestrel's wildcards are not valid URI hosts; the rest of the address must still parse.
    private static Uri? Parse(string url) =>
        Uri.TryCreate(url.Replace("://*", "://" + Wildcard, StringComparison.Ordinal).Replace("://+", "://" + Wildcard, StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri
            : null;

    private static IPAddress? AddressOf(Uri uri) => IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? address : null;

    private static string? Unlistenable(IPAddress address) => address switch
    {
        _ when address.IsIPv4MappedToIPv6 => $"{address} is an IPv4-mapped IPv6 address (give the IPv4 address {address.MapToIPv4()} itself)",
        _ when address.IsIPv6Multicast || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.GetAddressBytes()[0] is >= 224 and <= 239) =>
            $"{address} is a multicast address",
        _ when address.Equals(IPAddress.Broadcast) => $"{address} is the broadcast address",
        _ => null,
    };
}
