using System.Runtime.Intrinsics.X86;

namespace ImdbSentiment.Tests.Serving;

/// <summary>The CPUs whose onnxruntime kernels <c>SimpleRnnEvaluator</c> reproduces; elsewhere its bits are not expected to match, and the direct path falls back to onnxruntime.</summary>
internal static class ReproducedKernels
{
    public static void Require()
    {
        if (!(Avx2.IsSupported && Fma.IsSupported) || Avx512F.IsSupported)
            Assert.Inconclusive("SimpleRnnEvaluator reproduces onnxruntime's kernels on x86-64 with AVX2 and FMA3 and without AVX-512; on this CPU the direct path scores with onnxruntime instead.");
    }
}
