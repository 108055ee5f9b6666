using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.WordVectors;
using static ImdbSentiment.Training.SentimentNetworkOptions;

namespace ImdbSentiment.Training;

/// <summary>
/// The network's layers (Keras: the model's definition): which families and their sizes. The defaults are the Keras
/// recipe's Embedding(16) + SimpleRNN(8); each family refuses the settings it cannot honour.
/// </summary>
public sealed record NetworkSettings
{
    public NetworkArchitecture Architecture { get; init; } = NetworkArchitecture.EmbeddingRnn;

    /// <summary>Whether the network has a naive-Bayes-weighted n-gram bag branch (see <see cref="NgramBagNetwork"/>); it needs the featurizer's n-gram ids.</summary>
    public bool NgramBranch { get; init; }

    /// <summary>Whether the n-gram bag weighs each n-gram by its naive-Bayes log-count ratio (NBSVM); false makes it a plain bag of n-grams.</summary>
    public bool NgramNaiveBayes { get; init; } = true;

    /// <summary>In training only, the share of each review's n-grams the bag leaves out (0 = none).</summary>
    public double NgramDropout { get; init; }

    public int EmbeddingSize { get; init; } = 16;

    /// <summary>Word vectors the embedding table starts from instead of random values; null for none (see <see cref="WordVectorSettings"/>).</summary>
    public WordVectorSettings? WordVectors { get; init; }

    public int Units { get; init; } = 8;

    /// <summary>Stacked recurrent layers (lstm and gru only; the simple RNNs have one).</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Each recurrent layer reads the sequence both ways and concatenates the two (lstm and gru only).</summary>
    public bool Bidirectional { get; init; }

    /// <summary>
    /// Dropout rate, active in training only, on the input of every recurrent layer: the embedding output and, as torch's
    /// RNN dropout argument does, the outputs of every layer but the last (lstm and gru only; 0 = none).
    /// </summary>
    public double Dropout { get; init; }

    /// <summary>
    /// Whether the embedding output's dropout drops whole tokens (every value of a position, the other positions scaled
    /// by 1 / (1 - Dropout)) instead of single values (lstm and gru; the dropout between layers drops single values).
    /// An LSTM's first layer then projects each distinct token of a batch once instead of every position.
    /// </summary>
    public bool DropsWholeTokens { get; init; }

    /// <summary>How the last layer's outputs feed the dense layer; <see cref="RecurrentPooling.Max"/> needs lstm, gru or cnn, <see cref="RecurrentPooling.MaxMean"/> lstm or gru.</summary>
    public RecurrentPooling Pooling { get; init; } = RecurrentPooling.Last;

    /// <summary>
    /// A copy whose embedding starts from the word vectors of <paramref name="path"/> (fastText / word2vec text format),
    /// with <see cref="EmbeddingSize"/> set to their length, read from the file's header.
    /// </summary>
    public NetworkSettings WithWordVectors(string path, int frozenEpochs = 0) => this with
    {
        WordVectors = new WordVectorSettings { Path = path, FrozenEpochs = frozenEpochs },
        EmbeddingSize = WordVectorReader.ReadHeader(path).Dimensions,
    };

    /// <summary>Ceilings of the sizes (far above the recipes' 64, 32 and 2), so that a typo cannot ask for more memory than a machine has.</summary>
    public const int MostEmbeddingSize = 1024, MostUnits = 1024, MostLayers = 16;

    /// <summary>The shared ranges, then each branch's own rules.</summary>
    public void Validate()
    {
        Require(Enum.IsDefined(Architecture), nameof(Architecture), "one of " + string.Join(", ", Enum.GetNames<NetworkArchitecture>()));
        Require(Architecture != NetworkArchitecture.None || NgramBranch, nameof(Architecture), "a recurrent network, or None with the n-gram branch");
        Require(EmbeddingSize >= 1, nameof(EmbeddingSize), "at least 1");
        Require(Units >= 1, nameof(Units), "at least 1");
        Require(Layers >= 1, nameof(Layers), "at least 1");
        RequireAtMost(EmbeddingSize, MostEmbeddingSize, nameof(EmbeddingSize), "the embedding table holds this many floats for every word of the vocabulary");
        RequireAtMost(Units, MostUnits, nameof(Units), "training holds this many activations per layer for every token of a batch");
        RequireAtMost(Layers, MostLayers, nameof(Layers), "training holds every layer's outputs for every token of a batch");
        Require(Dropout is >= 0 and < 1, nameof(Dropout), "at least 0 and below 1");
        Require(NgramDropout is >= 0 and < 1, nameof(NgramDropout), "at least 0 and below 1");
        Require(Enum.IsDefined(Pooling), nameof(Pooling), "one of " + string.Join(", ", Enum.GetNames<RecurrentPooling>()));
        var branches = NetworkFamilies.BranchesOf(this);
        foreach (var family in branches)
            family.Validate(this);
        if (WordVectors is null)
            return;
        WordVectors.Validate();
        if (!branches.Any(family => family.HasEmbedding))
            throw new ArgumentException(
                $"WordVectors need a network with an embedding table, and {NetworkArchitectureNames.NetworkName(this)} has none: choose {string.Join(", ", NetworkFamilies.WithEmbedding)}.", nameof(WordVectors));
    }
}
