using TorchSharp;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The real (non-padding) tokens of each row, moved to the row's start: what a masked recurrence runs over. A row's
/// tokens are the run that starts at its first non-padding id, so 'pre' and 'post' padding both work; a row of padding
/// alone keeps one padding step, since a recurrence needs one. <see cref="RealTokensOnnx"/> is the same in ONNX.
/// </summary>
internal static class RealTokens
{
    /// <summary>
    /// Token ids [batch, time] -> the rows' tokens left-aligned, cut to the longest row ([batch, longest]), and each
    /// row's length (int64 [batch], at least 1).
    /// </summary>
    public static (Tensor Aligned, Tensor Lengths) Align(Tensor tokenIds)
    {
        var real = tokenIds.ne(KeptScalars.PaddingId).to_type(ScalarType.Int64);
        var lengths = real.sum([1]).clamp_min(KeptScalars.IntegerOne);
        using var time = tokenIds.shape[1].ToScalar();
        // argmax gives the first maximum: the first real token, or 0 for a row of padding.
        var firstReal = real.argmax(1, keepdim: true);
        var sources = arange(time, dtype: ScalarType.Int64).unsqueeze(0).add(firstReal, KeptScalars.IntegerOne).remainder(time);
        var longest = lengths.max().item<long>();
        return (tokenIds.gather(1, sources).narrow(1, 0, longest), lengths);
    }

    /// <summary>A row's length as the masked nodes take it (1 to time steps), or a clear error naming the bounds.</summary>
    public static int CheckedLength(long length, long time) =>
        length >= 1 && length <= time ? (int)length : throw new ArgumentException($"A row's length must be 1 to {time} steps, got {length}.");

    /// <summary>
    /// [batch, time]: the source position of each position when each row's first length positions are reversed, the
    /// rest kept in place; <see cref="Reverse"/> applies it (and applying it twice restores a sequence).
    /// </summary>
    public static Tensor ReversalIndex(Tensor lengths, long time)
    {
        using var steps = time.ToScalar();
        var positions = arange(steps, dtype: ScalarType.Int64).unsqueeze(0);
        var rowLengths = lengths.unsqueeze(1);
        return where(positions.lt(rowLengths), rowLengths.sub(KeptScalars.IntegerOne).sub(positions), positions);
    }

    /// <summary>A sequence [batch, time, width] with each row's real positions in reverse order.</summary>
    public static Tensor Reverse(Tensor sequence, Tensor reversalIndex) =>
        sequence.gather(1, reversalIndex.unsqueeze(2).expand(-1, -1, sequence.shape[2]));
}
