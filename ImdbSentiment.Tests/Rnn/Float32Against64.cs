using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>A float32 result against its float64 reference: same shape, and within 1e-5 of the reference's largest magnitude (at least 1).</summary>
internal static class Float32Against64
{
    private const double Tolerance = 1e-5;

    public static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        CollectionAssert.AreEqual(expected.shape, actual.shape, what);
        Assert.AreEqual(ScalarType.Float32, actual.dtype, what);
        var worst = (actual.to_type(ScalarType.Float64) - expected.to_type(ScalarType.Float64)).abs().max().item<double>();
        var scale = Math.Max(1, expected.abs().max().item<double>());
        Assert.IsLessThan(Tolerance * scale, worst, $"{what}: largest difference {worst:G3} (largest value {scale:G3})");
    }
}
