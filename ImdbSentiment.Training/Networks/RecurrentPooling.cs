using ImdbSentiment.Model;

namespace ImdbSentiment.Training.Networks;

/// <summary>How the last recurrent layer's outputs become the features of the dense layer.</summary>
public enum RecurrentPooling
{
    /// <summary>The final hidden state (Keras's return_sequences=False); bidirectional: forward's and backward's final states, concatenated.</summary>
    Last,

    /// <summary>The maximum over time steps of the last layer's outputs (Keras's GlobalMaxPooling1D).</summary>
    Max,
}

/// <summary>The names of <see cref="RecurrentPooling"/> values on the command line, in metrics.json and on the model card.</summary>
internal static class RecurrentPoolingNames
{
    public static NameTable<RecurrentPooling> Table { get; } = new((RecurrentPooling.Last, "last"), (RecurrentPooling.Max, "max"));
}
