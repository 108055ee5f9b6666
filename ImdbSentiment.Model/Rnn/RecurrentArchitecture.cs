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

    /// <summary>No recurrent branch: the n-gram bag alone (<see cref="RecurrentTrainerOptions.NgramBranch"/> must be set).</summary>
    None,
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

    /// <summary>The name of the n-gram bag branch in a network name: "ngram-bag" alone, "ngram-bag+lstm" with a recurrent branch.</summary>
    public const string NgramBag = "ngram-bag";

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Every network name: each recurrent architecture, the n-gram bag, and the bag joined with each.</summary>
    public static IReadOnlyCollection<string> NetworkNames => [.. Names, NgramBag, .. Names.Select(name => $"{NgramBag}+{name}")];

    /// <summary>The architecture's name; "none" for <see cref="RecurrentArchitecture.None"/>, which only an n-gram bag network has.</summary>
    public static string ToName(this RecurrentArchitecture architecture) =>
        architecture == RecurrentArchitecture.None ? "none" : ByName.First(pair => pair.Value == architecture).Key;

    /// <summary>The network name of a recurrent architecture with or without the n-gram branch.</summary>
    public static string NetworkName(RecurrentArchitecture architecture, bool ngramBranch) =>
        (architecture, ngramBranch) switch
        {
            (RecurrentArchitecture.None, _) => NgramBag,
            (_, true) => $"{NgramBag}+{architecture.ToName()}",
            _ => architecture.ToName(),
        };

    /// <summary>Parses a network name (see <see cref="NetworkNames"/>).</summary>
    public static (RecurrentArchitecture Architecture, bool NgramBranch) ParseNetwork(string name)
    {
        if (string.Equals(name, NgramBag, StringComparison.OrdinalIgnoreCase))
            return (RecurrentArchitecture.None, true);
        var prefix = NgramBag + "+";
        return name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? (Parse(name[prefix.Length..]), true)
            : (Parse(name), false);
    }

    /// <summary>True for the gated cells (LSTM, GRU), which support stacking, both directions, dropout and max pooling.</summary>
    public static bool IsGated(this RecurrentArchitecture architecture) =>
        architecture is RecurrentArchitecture.Lstm or RecurrentArchitecture.Gru;

    public static RecurrentArchitecture Parse(string name) =>
        name == "none" ? RecurrentArchitecture.None : ByName.TryGetValue(name, out var architecture)
            ? architecture
            : throw new ArgumentException($"Unknown network '{name}': expected one of {string.Join(", ", NetworkNames)}.", nameof(name));
}
