using System.Numerics;
using System.Runtime.CompilerServices;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Sigmoid and tanh of whole vectors, for <see cref="LstmRecurrenceKernels"/>, which applies them to a few dozen values
/// a row and step: TensorPrimitives' span functions cost more per call at that size than the step's matrix product
/// (the bilstm epoch's forward steps took 9.4 s with them). exp is the Cephes single-precision polynomial (relative
/// error about 1e-7). Every lane computes the same formula, so a value does not depend on the machine's vector width.
/// </summary>
/// <remarks>
/// Inlined into the step's formula: called, each activation is a chain the processor waits on, where inlined, the
/// five activations of a step's units overlap (the forward step took 750-800 ns a row for 32 units with calls).
/// The constants are literals rather than static fields so that an inlined copy in a method compiled before this
/// class is initialised still reads them as constants. The clamps are the processors' own min and max (the IEEE ones
/// are several instructions each), with the input second, which x86's minps and maxps return when it is NaN: a NaN
/// stays NaN, so a diverged network shows as a NaN loss instead of saturated gates.
/// </remarks>
internal static class VectorActivations
{
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;
    private const float ExpInputMin = -87.3f;
    private const float ExpInputMax = 88.3f;
    private const float TanhInputMax = 9f;

    /// <summary>1 / (1 + e^-x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Exp(-x));

    /// <summary>tanh(x) as 1 - 2 / (e^2|x| + 1) with x's sign (absolute error below 1e-7 near 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        var two = new Vector<float>(2f);
        var magnitude = Vector.MinNative(new Vector<float>(TanhInputMax), Vector.Abs(x));
        var result = Vector<float>.One - two / (Exp(two * magnitude) + Vector<float>.One);
        return Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -result, result);
    }

    /// <summary>e^x = 2^k e^r with k = round(x log2 e) and |r| &lt;= ln 2 / 2 (Cephes expf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Exp(Vector<float> x)
    {
        x = Vector.MinNative(new Vector<float>(ExpInputMax), Vector.MaxNative(new Vector<float>(ExpInputMin), x));
        var k = Vector.Round(x * new Vector<float>(Log2E));
        var r = x - k * new Vector<float>(Ln2High) - k * new Vector<float>(Ln2Low);
        var p = new Vector<float>(1.9875691500e-4f);
        p = p * r + new Vector<float>(1.3981999507e-3f);
        p = p * r + new Vector<float>(8.3334519073e-3f);
        p = p * r + new Vector<float>(4.1665795894e-2f);
        p = p * r + new Vector<float>(1.6666665459e-1f);
        p = p * r + new Vector<float>(5.0000001201e-1f);
        p = p * r * r + r + Vector<float>.One;
        var scale = Vector.AsVectorSingle(Vector.ShiftLeft(Vector.ConvertToInt32Native(k) + new Vector<int>(127), 23));
        return p * scale;
    }
}
