namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// The rules for --urls: plain-HTTP addresses whose host is an IP address, localhost, or * (or +) for every
/// interface. Kestrel would bind any other host name to every interface, which is never what a name means.
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
            // Kestrel's wildcards are not valid URI hosts; the rest of the address must still parse.
            if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal),
                    UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
                return $"'{url}' is not an address to listen on: expected http://HOST:PORT, e.g. http://127.0.0.1:5080";
            if (uri.Scheme == "https")
                return $"'{url}': serve speaks plain HTTP (no certificate is configured): use http://, and a TLS proxy in front for HTTPS";
            if (uri.Host != "wildcard" && !uri.IsLoopback && uri.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6))
                return $"'{url}': the host '{uri.Host}' is a name; give an IP address (127.0.0.1), localhost, or * for every interface";
        }
        return null;
    }

    /// <summary>The addresses that other machines could reach (not loopback), for a warning.</summary>
    public static IEnumerable<string> BeyondLoopback(IReadOnlyList<string> urls) =>
        urls.Where(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback);
}
