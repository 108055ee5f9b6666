using ImdbSentiment.Model.Download;

namespace ImdbSentiment.Trainer.NasBert;

/// <summary>
/// Where NAS-BERT's pretrained weights come from and where ML.NET looks for them. Microsoft.ML.TorchSharp's
/// TextClassification trainer loads models/NasBert2000000.tsm relative to https://aka.ms/mlnet-resources/
/// (MICROSOFTML_RESOURCE_URL replaces that base) and keeps it as &lt;MLContext.TempFilePath&gt;/mlnet/NasBert2000000.tsm,
/// downloading it only when that file is missing. ML.NET 5.0.1 refuses any base whose host is not aka.ms, so this
/// program fetches the file itself (from the same address, honouring a mirror on any host) before ML.NET looks, and
/// points TempFilePath at the per-user cache folder so the file outlives /tmp clean-ups.
/// </summary>
internal static class NasBertWeights
{
    public const string BaseUrlVariable = "MICROSOFTML_RESOURCE_URL";

    public const string DefaultBaseUrl = "https://aka.ms/mlnet-resources/";

    /// <summary>The path ML.NET appends to the base address (NasBertTrainer's ModelUrl).</summary>
    public const string RelativeUrl = "models/NasBert2000000.tsm";

    public const string FileName = "NasBert2000000.tsm";

    /// <summary>The folder handed to ML.NET as MLContext.TempFilePath: the per-user cache ($IMDB_SENTIMENT_CACHE).</summary>
    public static string MLContextTempFolder => DatasetCache.Folder;

    /// <summary>Where ML.NET looks for the weights when its TempFilePath is <paramref name="tempFolder"/>.</summary>
    public static string CachePath(string tempFolder) => Path.Combine(tempFolder, "mlnet", FileName);

    /// <summary>The address ML.NET would compose: the base (with or without a trailing slash) + models/NasBert2000000.tsm.</summary>
    public static Uri SourceUri(string? baseUrl)
    {
        var root = string.IsNullOrWhiteSpace(baseUrl) ? DefaultBaseUrl : baseUrl.Trim();
        var address = root.EndsWith('/') ? root + RelativeUrl : root + "/" + RelativeUrl;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"{BaseUrlVariable}='{baseUrl}' is not an http(s) address; set it to a mirror that serves {RelativeUrl}, or unset it.");
        return uri;
    }

    public static Uri SourceUri() => SourceUri(Environment.GetEnvironmentVariable(BaseUrlVariable));
}
