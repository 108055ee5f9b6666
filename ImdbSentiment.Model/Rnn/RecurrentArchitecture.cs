namespace ImdbSentiment.Model.Rnn;

/// <summary>The network that reads the token ids.</summary>
public enum RecurrentArchitecture
{
    /// <summary>one-hot(vocabulary) -> SimpleRNN(units, tanh) -> Dense(1, sigmoid), without building one-hot tensors.</summary>
    OneHotRnn,

    /// <summary>Embedding(vocabulary, embedding size) -> SimpleRNN(units, tanh) -> Dense(1, sigmoid).</summary>
    EmbeddingRnn,

    /// <summary>Embedding(vocabulary, embedding size) -> LSTM(units) x layers, optionally bidirectional -> pooling -> Dense(1, sigmoid).</summary>
    Lstm,

    /// <summary>Embedding(vocabulary, embedding size) -> GRU(units) x layers, optionally bidirectional -> pooling -> Dense(1, sigmoid).</summary>
    Gru,
}

public static class RecurrentArchitectureNames
{
    private static readonly Dictionary<string, RecurrentArchitecture> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["onehot-rnn"] = RecurrentArchitecture.OneHotRnn,
        ["embedding-rnn"] = RecurrentArchitecture.EmbeddingRnn,
        ["lstm"] = RecurrentArchitecture.Lstm,
        ["gru"] = RecurrentArchitecture.Gru,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string ToName(this RecurrentArchitecture architecture) =>
        ByName.First(pair => pair.Value == architecture).Key;

    /// <summary>True for the gated cells (LSTM, GRU), which support stacking, both directions, dropout and max pooling.</summary>
    public static bool IsGated(this RecurrentArchitecture architecture) =>
        architecture is RecurrentArchitecture.Lstm or RecurrentArchitecture.Gru;

    public static RecurrentArchitecture Parse(string name) =>
        ByName.TryGetValue(name, out var architecture)
            ? architecture
            : throw new ArgumentException($"Unknown model '{name}': expected one of {string.Join(", ", Names)}.", nameof(name));
}
