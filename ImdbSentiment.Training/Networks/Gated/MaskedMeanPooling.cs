using TorchSharp;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The mean over time of each row's real positions: the sequence [batch, time, channels] and each row's length (int64
/// [batch], 1 to time) give [batch, channels], the mean over positions 0 to length - 1. Whatever the positions after a
/// row's length hold (a masked layer leaves them undefined) neither reaches the mean nor receives gradient.
/// </summary>
internal static class MaskedMeanPooling
{
    public static Tensor Of(Tensor sequence, Tensor lengths)
    {
        using var time = sequence.shape[1].ToScalar();
        var padding = arange(time, dtype: ScalarType.Int64).unsqueeze(0).ge(lengths.unsqueeze(1)).unsqueeze(2);
        return sequence.masked_fill(padding, KeptScalars.Zero).sum([1]) / lengths.unsqueeze(1).to_type(sequence.dtype);
    }
}
