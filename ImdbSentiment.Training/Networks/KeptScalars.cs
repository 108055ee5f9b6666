using ImdbSentiment.Model.Text;
using TorchSharp;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Scalars kept alive for the process. A Scalar made for one call (an implicit conversion from a number) can be
/// finalised by the garbage collector while libtorch still reads it, which failed a training run here
/// ("toFloat: Expected false to be true"); the per-batch paths pass these instead, or a Scalar held by a <c>using</c>
/// variable for a value that changes (the variable keeps it alive until the end of its scope).
/// </summary>
internal static class KeptScalars
{
    public static readonly Scalar One = 1.0.ToScalar();

    public static readonly Scalar Zero = 0.0.ToScalar();

    /// <summary>1 for int64 tensors (ids, lengths), whose operations refuse a floating-point alpha.</summary>
    public static readonly Scalar IntegerOne = 1L.ToScalar();

    public static readonly Scalar Half = 0.5.ToScalar();

    public static readonly Scalar PaddingId = Vocabulary.PaddingId.ToScalar();
}
