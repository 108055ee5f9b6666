namespace ImdbSentiment.Training.Networks;

/// <summary>The network branch that reads the token ids (recurrent or convolutional); each has its family in <see cref="NetworkFamilies"/>.</summary>
public enum NetworkArchitecture
{
    /// <summary>one-hot(vocabulary) -> SimpleRNN(units, tanh) -> Dense(1, sigmoid), without building one-hot tensors.</summary>
    OneHotRnn,

    /// <summary>Embedding(vocabulary, embedding size) -> SimpleRNN(units, tanh) -> Dense(1, sigmoid).</summary>
    EmbeddingRnn,

    /// <summary>Embedding(vocabulary, embedding size) -> LSTM(units) x layers, optionally bidirectional -> pooling -> Dense(1, sigmoid).</summary>
    Lstm,

    /// <summary>Embedding(vocabulary, embedding size) -> GRU(units) x layers, optionally bidirectional -> pooling -> Dense(1, sigmoid).</summary>
    Gru,

    /// <summary>Embedding(vocabulary, embedding size) -> Conv1D(units filters, width 3, relu) -> global max pooling -> Dense(1, sigmoid).</summary>
    Cnn,

    /// <summary>No token-reading branch: the n-gram bag alone (<see cref="NetworkSettings.NgramBranch"/> must be set).</summary>
    None,
}

/// <summary>
/// The names of networks as the command line, metrics.json and the model card write them: a token-reading family's name
/// ("lstm", "cnn"), "ngram-bag", or the bag joined with one ("ngram-bag+lstm").
/// </summary>
public static class NetworkArchitectureNames
{
    private const string NoTokenBranch = "none";

    /// <summary>The names of the architectures that read the token ids (recurrent and convolutional).</summary>
    public static IReadOnlyCollection<string> Names => [.. NetworkFamilies.TokenBranchNames.Select(entry => entry.Name)];

    /// <summary>Every network name: each token-reading architecture, the n-gram bag, and the bag joined with each.</summary>
    public static IReadOnlyCollection<string> NetworkNames => [.. Names, NgramBag, .. Names.Select(name => $"{NgramBag}+{name}")];

    private static string NgramBag => NetworkFamilies.NgramBag.Name;

    /// <summary>The architecture's name; "none" for <see cref="NetworkArchitecture.None"/>, which only an n-gram bag network has.</summary>
    public static string ToName(this NetworkArchitecture architecture) =>
        architecture == NetworkArchitecture.None ? NoTokenBranch : NetworkFamilies.Of(architecture).Name;

    /// <summary>The network name of a token-reading architecture with or without the n-gram branch.</summary>
    public static string NetworkName(NetworkArchitecture architecture, bool ngramBranch) =>
        (architecture, ngramBranch) switch
        {
            (NetworkArchitecture.None, _) => NgramBag,
            (_, true) => $"{NgramBag}+{architecture.ToName()}",
            _ => architecture.ToName(),
        };

    /// <summary>The network name of the settings' architecture and n-gram branch.</summary>
    public static string NetworkName(NetworkSettings network) => NetworkName(network.Architecture, network.NgramBranch);

    /// <summary>What train, the model card and GET /model call two fused networks (<see cref="SentimentNetworkOptions.FusedWith"/>).</summary>
    public static string FusedName(string partner, string network) => $"{partner} fused with {network}";

    /// <summary>Parses a network name (see <see cref="NetworkNames"/>).</summary>
    public static (NetworkArchitecture Architecture, bool NgramBranch) ParseNetwork(string name)
    {
        if (string.Equals(name, NgramBag, StringComparison.OrdinalIgnoreCase))
            return (NetworkArchitecture.None, true);
        var prefix = NgramBag + "+";
        return name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? (Parse(name[prefix.Length..]), true)
            : (Parse(name), false);
    }

    /// <summary>Parses a token-reading architecture's name (any case), or "none".</summary>
    public static NetworkArchitecture Parse(string name)
    {
        if (string.Equals(name, NoTokenBranch, StringComparison.OrdinalIgnoreCase))
            return NetworkArchitecture.None;
        foreach (var (known, architecture) in NetworkFamilies.TokenBranchNames)
        {
            if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase))
                return architecture;
        }
        throw new ArgumentException($"Unknown network '{name}': expected one of {string.Join(", ", NetworkNames)}.", nameof(name));
    }
}
