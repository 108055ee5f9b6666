using TorchSharp;
using static TorchSharp.torch;

namespace ImdbSentiment.Training;

/// <summary>Loads TorchSharp's native library once, turning its long load trace into one sentence that names the fix.</summary>
public static class TorchRuntime
{
    private static readonly Lazy<Exception?> LoadFailure = new(TryLoad);

    public static void EnsureLoaded()
    {
        if (LoadFailure.Value is { } failure)
            throw new TorchUnavailableException(Explain(failure), failure);
    }

    private static Exception? TryLoad()
    {
        try
        {
            InitializeDeviceType(DeviceType.CPU);
            using var probe = zeros(1);
            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return exception;
        }
    }

    public static string Explain(Exception failure)
    {
        var trace = failure.ToString();
        if (trace.Contains("GLIBCXX", StringComparison.Ordinal))
            return "TorchSharp's native library needs a newer libstdc++ (GLIBCXX_3.4.32, GCC 13+): run 'sudo bash scripts/install-prerequisites.sh', which installs libstdc++6 from Debian 13 (trixie).";
        return "TorchSharp's native library (libtorch) could not be loaded: training needs the TorchSharp-cpu package referenced by the program, and on Debian 12 'sudo bash scripts/install-prerequisites.sh' for libstdc++ (GLIBCXX_3.4.32).";
    }
}

/// <summary>TorchSharp's native library is missing or cannot load; the message says how to fix it.</summary>
public sealed class TorchUnavailableException(string message, Exception inner) : Exception(message, inner);
