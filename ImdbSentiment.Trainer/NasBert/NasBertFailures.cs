using System.Reflection;
using ImdbSentiment.Model.Download;
using ImdbSentiment.Trainer.Cli;
using Microsoft.ML.TorchSharp;
using TorchSharp;

namespace ImdbSentiment.Trainer.NasBert;

/// <summary>
/// Recognises the two ways ML.NET's NAS-BERT fit fails for reasons a user can act on, and words them as one line:
/// the weights file is not NAS-BERT's (TorchSharp's Module.load rejects it), and Microsoft.ML.TorchSharp's network
/// is unusable with this program's TorchSharp (its layer weights are disposed as it builds them).
/// </summary>
internal static class NasBertFailures
{
    /// <summary>Thrown while TorchSharp loads the weights file into the encoder: the file is not what NAS-BERT expects.</summary>
    public static bool IsInvalidWeights(Exception exception) =>
        exception is not OutOfMemoryException && exception.ToString().Contains("at TorchSharp.torch.nn.Module.load(", StringComparison.Ordinal);

    /// <summary>
    /// Microsoft.ML.TorchSharp 0.23.1 initialises its layers with <c>using var _ = torch.nn.init.zeros_(bias)</c>; since
    /// TorchSharp's in-place initialisers return the tensor itself, that disposes the layer's own weight, and the
    /// first forward pass fails with "Tensor invalid -- empty handle".
    /// </summary>
    public static bool IsDisposedLayerWeights(Exception exception)
    {
        var text = exception.ToString();
        return text.Contains("Tensor invalid -- empty handle", StringComparison.Ordinal)
            && text.Contains("Microsoft.ML.TorchSharp.NasBert", StringComparison.Ordinal);
    }

    public static DownloadException InvalidWeights(Uri source, string cachePath, bool downloadedNow, Exception error)
    {
        var reason = error.GetBaseException().Message.Split('\n')[0].Trim().TrimEnd('.');
        var what = downloadedNow ? $"The file downloaded from {source}" : $"The cached file {cachePath} (from {source})";
        return new DownloadException(source,
            $"{what} is not valid NAS-BERT weights (TorchSharp could not load it: {reason}); it was deleted from {cachePath} " +
            $"so the next run downloads it again; check that {NasBertWeights.BaseUrlVariable} points at a mirror of {NasBertWeights.RelativeUrl}.",
            error);
    }

    public static UsageException DisposedLayerWeights(string cachePath, Exception error)
    {
        var builtFor = typeof(TorchSharpCatalog).Assembly.GetReferencedAssemblies().FirstOrDefault(name => name.Name == "TorchSharp")?.Version;
        var builtForText = builtFor is null ? "an older TorchSharp" : $"TorchSharp {builtFor.Major}.{builtFor.Minor}.{builtFor.Build}";
        return new UsageException(
            $"--model nasbert cannot train with this build: Microsoft.ML.TorchSharp {PackageVersion(typeof(TorchSharpCatalog).Assembly)} " +
            $"(ML.NET's NAS-BERT) was built for {builtForText} and, under the TorchSharp {PackageVersion(typeof(torch).Assembly)} this program uses, " +
            "disposes its own layer weights while building the network, so its first forward pass fails ('Tensor invalid -- empty handle'); " +
            $"the pretrained weights in {cachePath} loaded fine and stay cached; use an RNN model (e.g. --model lstm) until a " +
            "Microsoft.ML.TorchSharp release supports this TorchSharp.",
            error);
    }

    private static string PackageVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString()
        ?? "?";
}
