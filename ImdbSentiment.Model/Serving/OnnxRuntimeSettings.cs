using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// onnxruntime's built-in telemetry, off in every process that uses this library. Its public switch,
/// <see cref="OrtEnv.DisableTelemetryEvents"/>, stops the events but only once the environment exists, and making the
/// environment already writes a session file to TMPDIR and a device id under ~/.cache/Microsoft/DeveloperTools.
/// onnxruntime reads ORT_DISABLE_TELEMETRY from the native environment first, so that variable is set (unless the
/// user set it) as soon as this library is used, before ML.NET or the scorer can load the native library: also in an
/// app that loads a model zip with stock <c>mlContext.Model.Load</c>, whose custom mappings are this library's.
/// </summary>
internal static class OnnxRuntimeSettings
{
    private const string DisableVariable = "ORT_DISABLE_TELEMETRY";

    private static readonly Lazy<OrtEnv> Environment = new(() =>
    {
        var environment = OrtEnv.Instance();
        environment.DisableTelemetryEvents();
        return environment;
    });

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The variable must be set before any caller of this library can load onnxruntime; it costs one setenv.")]
    internal static void DisableTelemetryVariable()
    {
        // .NET keeps its own copy of the environment on Unix, which native code does not read.
        if (!OperatingSystem.IsWindows())
            _ = SetNativeVariable(DisableVariable, "1", overwrite: 0);
    }

    /// <summary>Makes the process's onnxruntime environment, with telemetry events off; every session of the product is made after it.</summary>
    public static void Apply() => _ = Environment.Value;

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetNativeVariable(string name, string value, int overwrite);
}
