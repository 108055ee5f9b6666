using static ImdbSentiment.Training.SentimentNetworkOptions;

namespace ImdbSentiment.Training.WordVectors;

/// <summary>
/// Word vectors that start the embedding table (Keras: <c>Embedding(weights=[matrix])</c>, frozen with
/// <c>trainable=False</c> for the first epochs): a fastText / word2vec text file (.vec). A vocabulary word the file
/// has starts from its vector (the file's words lower-cased as the featurizer lower-cases review words); a word it
/// lacks, and the padding, start and out-of-vocabulary ids, keep the network's own random initialisation.
/// The vectors' length must equal <see cref="NetworkSettings.EmbeddingSize"/> (<see cref="NetworkSettings.WithWordVectors"/> sets it).
/// </summary>
public sealed record WordVectorSettings
{
    /// <summary>The .vec file: a header line "count dimensions", then one line per word, the word and its values separated by spaces.</summary>
    public required string Path { get; init; }

    /// <summary>Epochs the embedding table stays as the vectors made it, while the other layers train (0 = it trains from the first epoch).</summary>
    public int FrozenEpochs { get; init; }

    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Path), nameof(Path), "the path of a word-vector file");
        Require(FrozenEpochs >= 0, nameof(FrozenEpochs), "0 or more");
        RequireAtMost(FrozenEpochs, FitSettings.MostEpochs, nameof(FrozenEpochs), "more epochs than any run needs, so a larger value is taken for a typo");
    }

    /// <summary>Whether the embedding table trains in <paramref name="epoch"/> (1-based).</summary>
    public bool TrainsEmbeddingIn(int epoch) => epoch > FrozenEpochs;
}
