using System.Numerics;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Sigmoid and tanh of whole vectors, for <see cref="LstmRecurrenceKernels"/>, which applies them to a few dozen values
/// a row and step: TensorPrimitives' span functions cost more per call at that size than the step's matrix product
/// (the bilstm epoch's forward steps took 9.4 s with them). exp is the Cephes single-precision polynomial (relative
/// error about 1e-7). Every lane computes the same formula, so a value does not depend on the machine's vector width.
/// </summary>
internal static class VectorActivations
{
    private static readonly Vector<float> Log2E = new(1.44269504088896341f);
    private static readonly Vector<float> Ln2High = new(0.693359375f);
    private static readonly Vector<float> Ln2Low = new(-2.12194440e-4f);
    private static readonly Vector<float> ExpInputMin = new(-87.3f);
    private static readonly Vector<float> ExpInputMax = new(88.3f);
    private static readonly Vector<float> TanhInputMax = new(9f);
    private static readonly Vector<float> Two = new(2f);

    /// <summary>1 / (1 + e^-x).</summary>
    public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Exp(-x));

    /// <summary>tanh(x) as 1 - 2 / (e^2|x| + 1) with x's sign (absolute error below 1e-7 near 0).</summary>
    public static Vector<float> Tanh(Vector<float> x)
    {
        var magnitude = Vector.Min(Vector.Abs(x), TanhInputMax);
        var result = Vector<float>.One - Two / (Exp(Two * magnitude) + Vector<float>.One);
        return Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -result, result);
    }

    /// <summary>e^x = 2^k e^r with k = round(x log2 e) and |r| &lt;= ln 2 / 2 (Cephes expf).</summary>
    private static Vector<float> Exp(Vector<float> x)
    {
        x = Vector.Min(Vector.Max(x, ExpInputMin), ExpInputMax);
        var k = Vector.Round(x * Log2E);
        var r = x - k * Ln2High - k * Ln2Low;
        var p = new Vector<float>(1.9875691500e-4f);
        p = p * r + new Vector<float>(1.3981999507e-3f);
        p = p * r + new Vector<float>(8.3334519073e-3f);
        p = p * r + new Vector<float>(4.1665795894e-2f);
        p = p * r + new Vector<float>(1.6666665459e-1f);
        p = p * r + new Vector<float>(5.0000001201e-1f);
        p = p * r * r + r + Vector<float>.One;
        var scale = Vector.AsVectorSingle(Vector.ShiftLeft(Vector.ConvertToInt32(k) + new Vector<int>(127), 23));
        return p * scale;
    }
}
