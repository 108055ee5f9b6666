namespace ImdbSentiment.Training.Networks;

/// <summary>
/// The one table of network families. A network is the n-gram bag, a family that reads the token ids (recurrent or
/// convolutional), or both (their logits summed by <see cref="JointSentimentNetwork"/>); everything else (names,
/// validation, construction, summaries, card prose) asks the families listed here.
/// </summary>
internal static class NetworkFamilies
{
    private static readonly Dictionary<NetworkArchitecture, NetworkFamily> TokenBranches = new()
    {
        [NetworkArchitecture.OneHotRnn] = new SimpleRnnFamily(NetworkArchitecture.OneHotRnn, "onehot-rnn"),
        [NetworkArchitecture.EmbeddingRnn] = new SimpleRnnFamily(NetworkArchitecture.EmbeddingRnn, "embedding-rnn"),
        [NetworkArchitecture.Lstm] = new GatedFamily(GatedCell.Lstm, "lstm"),
        [NetworkArchitecture.Gru] = new GatedFamily(GatedCell.Gru, "gru"),
        [NetworkArchitecture.Cnn] = new CnnFamily(),
    };

    public static NetworkFamily NgramBag { get; } = new NgramBagFamily();

    /// <summary>The token-reading architectures by name, in the table's order.</summary>
    public static IEnumerable<(string Name, NetworkArchitecture Architecture)> TokenBranchNames =>
        TokenBranches.Select(pair => (pair.Value.Name, pair.Key));

    /// <summary>The names of the token-reading families with an embedding table.</summary>
    public static IEnumerable<string> WithEmbedding => TokenBranches.Values.Where(family => family.HasEmbedding).Select(family => family.Name);

    public static NetworkFamily Of(NetworkArchitecture architecture) =>
        TokenBranches.TryGetValue(architecture, out var family)
            ? family
            : throw new ArgumentOutOfRangeException(nameof(architecture), architecture, $"No token-reading network family is registered for {architecture}.");

    /// <summary>The families the settings put in the network, the n-gram bag first.</summary>
    public static IReadOnlyList<NetworkFamily> BranchesOf(NetworkSettings network) =>
    [
        .. network.NgramBranch ? [NgramBag] : Array.Empty<NetworkFamily>(),
        .. network.Architecture == NetworkArchitecture.None ? Array.Empty<NetworkFamily>() : [Of(network.Architecture)],
    ];

    /// <summary>The untrained network the settings describe, initialised from torch's global generator (seed it first).</summary>
    public static SentimentNetworkBase Create(NetworkSettings network, NetworkInputs inputs)
    {
        var branches = BranchesOf(network).Select(family => family.Create(network, inputs)).ToArray();
        return branches.Length == 1 ? branches[0] : new JointSentimentNetwork(branches);
    }

    public static ModelSummary Summarise(NetworkSettings network, NetworkInputs inputs, int maxLength)
    {
        var branches = BranchesOf(network);
        var layers = branches.SelectMany(family => family.Summarise(network, inputs, maxLength)).ToList();
        if (branches.Count > 1)
            layers.Add(new("add (Add: the branches' logits)", "(None, 1)", 0));
        return new ModelSummary(layers);
    }

    /// <summary>What a model card calls the network: its branches' phrases, joined.</summary>
    public static string Describe(NetworkSettings network)
    {
        var phrases = BranchesOf(network).Select(family => family.Describe(network)).ToArray();
        return phrases.Length == 1 ? phrases[0] : $"{string.Join(" and ", phrases)}, whose logits are summed";
    }
}
