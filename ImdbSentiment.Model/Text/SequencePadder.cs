namespace ImdbSentiment.Model.Text;

/// <summary>Keras's <c>pad_sequences</c> for one sequence: pads with <see cref="Vocabulary.PaddingId"/> and truncates to a fixed length.</summary>
internal static class SequencePadder
{
    /// <summary>Writes <paramref name="ids"/> into <paramref name="destination"/> (its length is the max length).</summary>
    public static void Pad(ReadOnlySpan<long> ids, Span<long> destination, SequenceSide padding, SequenceSide truncating)
    {
        var placement = Place(ids.Length, destination.Length, padding, truncating);
        destination.Fill(Vocabulary.PaddingId);
        ids.Slice(placement.Skip, placement.Count).CopyTo(destination[placement.Offset..]);
    }

    /// <summary>
    /// Where a sequence of <paramref name="length"/> ids lands in <paramref name="maxLength"/> slots: the ids from
    /// <c>Skip</c> on, <c>Count</c> of them, go to the slots from <c>Offset</c> on; the other slots hold padding.
    /// Lets a caller write the ids straight into the padded row without building the sequence first.
    /// </summary>
    public static (int Skip, int Count, int Offset) Place(int length, int maxLength, SequenceSide padding, SequenceSide truncating)
    {
        var count = Math.Min(length, maxLength);
        var skip = truncating == SequenceSide.Pre ? length - count : 0;
        var offset = padding == SequenceSide.Pre ? maxLength - count : 0;
        return (skip, count, offset);
    }
}
