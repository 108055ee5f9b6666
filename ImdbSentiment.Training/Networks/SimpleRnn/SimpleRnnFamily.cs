namespace ImdbSentiment.Training.Networks;

/// <summary>The Keras book's networks: one-hot or embedding input, one SimpleRNN layer, Dense(1) (see <see cref="SimpleRnnNetwork"/>).</summary>
internal sealed class SimpleRnnFamily(NetworkArchitecture architecture, string name) : NetworkFamily
{
    private bool OneHot => architecture == NetworkArchitecture.OneHotRnn;

    public override string Name => name;

    public override bool ReadsTokenIds => true;

    public override bool HasEmbedding => !OneHot;

    public override bool ReadsNgramIds => false;

    public override void Validate(NetworkSettings network)
    {
        Refuse(network.Layers != 1, nameof(network.Layers), $"{Name} has one recurrent layer, but Layers is {network.Layers}" + ChooseGated);
        Refuse(network.Bidirectional, nameof(network.Bidirectional), $"{Name} reads forward only" + ChooseGated);
        Refuse(network.Pooling != RecurrentPooling.Last, nameof(network.Pooling), $"{Name} feeds its last hidden state to the dense layer, so Pooling must be Last" + ChooseGated);
        Refuse(network.Dropout != 0, nameof(network.Dropout), $"{Name} has no dropout, but Dropout is {network.Dropout}" + ChooseGated);
        Refuse(network.DropsWholeTokens, nameof(network.DropsWholeTokens), $"{Name} has no dropout to drop whole tokens" + ChooseGated);
    }

    private const string ChooseGated = "; choose lstm or gru for this setting";

    public override SentimentNetworkBase Create(NetworkSettings network, NetworkInputs inputs) =>
        new SimpleRnnNetwork(architecture, inputs.VocabularySize, network.EmbeddingSize, network.Units);

    public override IEnumerable<LayerSummary> Summarise(NetworkSettings network, NetworkInputs inputs, int maxLength)
    {
        long vocabulary = inputs.VocabularySize, units = network.Units, width = OneHot ? vocabulary : network.EmbeddingSize;
        yield return OneHot
            ? new("one_hot (lookup, no weights)", $"(None, {maxLength}, {vocabulary})", 0)
            : new("embedding (Embedding)", $"(None, {maxLength}, {width})", vocabulary * width);
        yield return new("simple_rnn (SimpleRNN)", $"(None, {units})", units * width + units * units + units);
        yield return new("dense (Dense, sigmoid)", "(None, 1)", units + 1);
    }

    public override string Describe(NetworkSettings network) =>
        $"a SimpleRNN({network.Units}) over the {(OneHot ? "one-hot" : "embedded")} token ids";
}
