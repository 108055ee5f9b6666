namespace ImdbSentiment.Training.Networks;

/// <summary>The Keras book's networks: one-hot or embedding input, one SimpleRNN layer, Dense(1) (see <see cref="SimpleRnnNetwork"/>).</summary>
internal sealed class SimpleRnnFamily(NetworkArchitecture architecture, string name) : NetworkFamily
{
    private bool OneHot => architecture == NetworkArchitecture.OneHotRnn;

    public override string Name => name;

    public override bool ReadsTokenIds => true;

    public override bool ReadsNgramIds => false;

    public override void Validate(SentimentNetworkOptions options)
    {
        Refuse(options.Layers != 1, nameof(options.Layers), $"{Name} has one recurrent layer, but Layers is {options.Layers}" + ChooseGated);
        Refuse(options.Bidirectional, nameof(options.Bidirectional), $"{Name} reads forward only" + ChooseGated);
        Refuse(options.Pooling != RecurrentPooling.Last, nameof(options.Pooling), $"{Name} feeds its last hidden state to the dense layer, so Pooling must be Last" + ChooseGated);
        Refuse(options.Dropout != 0, nameof(options.Dropout), $"{Name} has no dropout, but Dropout is {options.Dropout}" + ChooseGated);
    }

    private const string ChooseGated = "; choose lstm or gru for this setting";

    public override SentimentNetworkBase Create(SentimentNetworkOptions options, NetworkInputs inputs) =>
        new SimpleRnnNetwork(architecture, inputs.VocabularySize, options.EmbeddingSize, options.Units);

    public override IEnumerable<LayerSummary> Summarise(SentimentNetworkOptions options, NetworkInputs inputs, int maxLength)
    {
        long vocabulary = inputs.VocabularySize, units = options.Units, width = OneHot ? vocabulary : options.EmbeddingSize;
        yield return OneHot
            ? new("one_hot (lookup, no weights)", $"(None, {maxLength}, {vocabulary})", 0)
            : new("embedding (Embedding)", $"(None, {maxLength}, {width})", vocabulary * width);
        yield return new("simple_rnn (SimpleRNN)", $"(None, {units})", units * width + units * units + units);
        yield return new("dense (Dense, sigmoid)", "(None, 1)", units + 1);
    }

    public override string Describe(SentimentNetworkOptions options) =>
        $"a SimpleRNN({options.Units}) over the {(OneHot ? "one-hot" : "embedded")} token ids";
}
