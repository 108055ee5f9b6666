using ImdbSentiment.Model;

namespace ImdbSentiment.Training.Networks;

/// <summary>How the last recurrent layer's outputs become the features of the dense layer.</summary>
public enum RecurrentPooling
{
    /// <summary>The final hidden state (Keras's return_sequences=False); bidirectional: forward's and backward's final states, concatenated.</summary>
    Last,

    /// <summary>The maximum over time steps of the last layer's outputs (Keras's GlobalMaxPooling1D).</summary>
    Max,

    /// <summary>
    /// The maximum and the mean over each review's real positions of the last layer's outputs, concatenated (maxima
    /// first): twice <see cref="Max"/>'s features. The mean sees every position, so the dense layer reads what the whole
    /// review says as well as its strongest phrase.
    /// </summary>
    MaxMean,
}

/// <summary>What a pooling gives the dense layer.</summary>
internal static class RecurrentPoolingWidths
{
    /// <summary>The dense layer's input width when the last layer gives <paramref name="outputs"/> values a position.</summary>
    public static int Features(this RecurrentPooling pooling, int outputs) => pooling == RecurrentPooling.MaxMean ? 2 * outputs : outputs;

    /// <summary>Whether the pooling reads every position's output, not only the final states.</summary>
    public static bool ReadsEveryPosition(this RecurrentPooling pooling) => pooling != RecurrentPooling.Last;
}

/// <summary>The names of <see cref="RecurrentPooling"/> values on the command line, in metrics.json and on the model card.</summary>
internal static class RecurrentPoolingNames
{
    public static NameTable<RecurrentPooling> Table { get; } = new((RecurrentPooling.Last, "last"), (RecurrentPooling.Max, "max"), (RecurrentPooling.MaxMean, "max-mean"));
}
