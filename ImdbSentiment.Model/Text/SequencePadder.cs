namespace ImdbSentiment.Model.Text;

/// <summary>Keras's <c>pad_sequences</c> for one sequence: pads with <see cref="Vocabulary.PaddingId"/> and truncates to a fixed length.</summary>
internal static class SequencePadder
{
    /// <summary>Writes <paramref name="ids"/> into <paramref name="destination"/> (its length is the max length).</summary>
    public static void Pad(ReadOnlySpan<long> ids, Span<long> destination, SequenceSide padding, SequenceSide truncating)
    {
        var maxLength = destination.Length;
        if (ids.Length > maxLength)
            ids = truncating == SequenceSide.Pre ? ids[^maxLength..] : ids[..maxLength];

        destination.Fill(Vocabulary.PaddingId);
        var offset = padding == SequenceSide.Pre ? maxLength - ids.Length : 0;
        ids.CopyTo(destination[offset..]);
    }
}
