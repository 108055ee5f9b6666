using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace ImdbSentiment.Training;

/// <summary>
/// A float32 CPU tensor's memory as a span, for the small loops that are cheaper in managed code than as a chain of
/// libtorch calls (each call costs microseconds of dispatch; the work inside is a few hundred multiply-adds).
/// </summary>
internal static class TensorSpans
{
    /// <summary>The tensor's elements in row-major order, written through to the tensor; the tensor must outlive the span.</summary>
    public static Span<float> Floats(Tensor tensor)
    {
        if (tensor.dtype != ScalarType.Float32 || tensor.device_type != DeviceType.CPU || !tensor.is_contiguous())
            throw new ArgumentException($"Expected a contiguous float32 CPU tensor, got {tensor.dtype} on {tensor.device_type}{(tensor.is_contiguous() ? "" : ", not contiguous")}.", nameof(tensor));
        return MemoryMarshal.Cast<byte, float>(tensor.bytes);
    }
}
