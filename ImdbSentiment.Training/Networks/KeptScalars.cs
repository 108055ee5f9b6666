using TorchSharp;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Scalars kept alive for the process. A Scalar made for one call (an implicit conversion from a number) can be
/// finalised by the garbage collector while libtorch still reads it, which failed a training run here
/// ("toFloat: Expected false to be true"); the hot paths of the newer networks pass these instead.
/// </summary>
internal static class KeptScalars
{
    public static readonly Scalar One = 1.0.ToScalar();

    public static readonly Scalar Zero = 0.0.ToScalar();
}
