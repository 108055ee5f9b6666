namespace ImdbSentiment.Model.Text;

/// <summary>Where Keras's <c>pad_sequences</c> pads or truncates: before the tokens ('pre') or after them ('post').</summary>
public enum SequenceSide
{
    Pre = 0,
    Post = 1,
}
