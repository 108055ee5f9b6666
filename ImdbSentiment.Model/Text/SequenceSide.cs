namespace ImdbSentiment.Model.Text;

/// <summary>Where Keras's <c>pad_sequences</c> pads or truncates: before the tokens ('pre') or after them ('post').</summary>
public enum SequenceSide
{
    Pre = 0,
    Post = 1,
}

/// <summary>The names of <see cref="SequenceSide"/> values, as Keras writes them.</summary>
internal static class SequenceSideNames
{
    public static NameTable<SequenceSide> Table { get; } = new((SequenceSide.Pre, "pre"), (SequenceSide.Post, "post"));
}
