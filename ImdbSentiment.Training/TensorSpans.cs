using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace ImdbSentiment.Training;

/// <summary>
/// A contiguous CPU tensor's memory as a span, for the small loops that are cheaper in managed code than as a chain of
/// libtorch calls (each call costs microseconds of dispatch; the work inside is a few hundred multiply-adds).
/// The spans write through to the tensor, which must outlive them.
/// </summary>
internal static class TensorSpans
{
    public static Span<float> Floats(Tensor tensor) => Elements<float>(tensor, ScalarType.Float32);

    public static Span<long> Longs(Tensor tensor) => Elements<long>(tensor, ScalarType.Int64);

    public static Span<int> Ints(Tensor tensor) => Elements<int>(tensor, ScalarType.Int32);

    private static Span<T> Elements<T>(Tensor tensor, ScalarType type) where T : struct
    {
        if (tensor.dtype != type || tensor.device_type != DeviceType.CPU || !tensor.is_contiguous())
            throw new ArgumentException($"Expected a contiguous {type} CPU tensor, got {tensor.dtype} on {tensor.device_type}{(tensor.is_contiguous() ? "" : ", not contiguous")}.", nameof(tensor));
        return MemoryMarshal.Cast<byte, T>(tensor.bytes);
    }
}
