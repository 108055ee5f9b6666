namespace ImdbSentiment.Training.Networks;

/// <summary>The naive-Bayes-weighted bag of n-grams (see <see cref="NgramBagNetwork"/>); alone, or as a branch beside a recurrent network.</summary>
internal sealed class NgramBagFamily : NetworkFamily
{
    public override string Name => "ngram-bag";

    public override bool ReadsTokenIds => false;

    public override bool HasEmbedding => false;

    public override bool ReadsNgramIds => true;

    public override SentimentNetworkBase Create(NetworkSettings network, NetworkInputs inputs) =>
        new NgramBagNetwork(RequireNgrams(inputs), network.NgramDropout, network.NgramNaiveBayes);

    public override IEnumerable<LayerSummary> Summarise(NetworkSettings network, NetworkInputs inputs, int maxLength) =>
        [new($"ngram_bag ({(network.NgramNaiveBayes ? "NB-weighted n-grams, fixed ratios" : "plain bag of n-grams")})", "(None, 1)", RequireNgrams(inputs) + 1L)];

    public override string Describe(NetworkSettings network) =>
        network.NgramNaiveBayes ? "a naive-Bayes-weighted bag of those n-grams" : "a plain bag of those n-grams";

    private static int RequireNgrams(NetworkInputs inputs) =>
        inputs.NgramVocabularySize >= 2
            ? inputs.NgramVocabularySize
            : throw new ArgumentException("The n-gram bag reads the featurizer's n-gram ids: set the featurizer's NgramLength to 1, 2 or 3.", nameof(inputs));
}
