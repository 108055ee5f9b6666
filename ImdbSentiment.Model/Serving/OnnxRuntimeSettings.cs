using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// The process-wide onnxruntime environment as the product wants it, made before any session (ML.NET's
/// OnnxTransformer shares it): with onnxruntime's built-in telemetry off. Its public switch,
/// <see cref="OrtEnv.DisableTelemetryEvents"/>, stops the events, but only after the environment exists, and making it
/// already writes a session file to TMPDIR and a device id under ~/.cache/Microsoft/DeveloperTools; onnxruntime reads
/// ORT_DISABLE_TELEMETRY from the native environment first, so that is set (unless the user set it) before the native
/// library loads. Every command and the library's entry points (SentimentModel.Load, the predictors, training's
/// output stage) call <see cref="Apply"/>.
/// </summary>
internal static class OnnxRuntimeSettings
{
    private const string DisableVariable = "ORT_DISABLE_TELEMETRY";

    private static readonly Lazy<OrtEnv> Environment = new(() =>
    {
        // .NET keeps its own copy of the environment on Unix, which native code does not see.
        if (!OperatingSystem.IsWindows())
            _ = SetNativeVariable(DisableVariable, "1", overwrite: 0);
        var environment = OrtEnv.Instance();
        environment.DisableTelemetryEvents();
        return environment;
    });

    public static void Apply() => _ = Environment.Value;

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetNativeVariable(string name, string value, int overwrite);
}
