namespace ImdbSentiment.Training.Networks;

/// <summary>A one-layer convolutional text classifier over the embedded token ids (see <see cref="CnnNetwork"/>); Units is its filter count.</summary>
internal sealed class CnnFamily : NetworkFamily
{
    public override string Name => "cnn";

    public override bool ReadsTokenIds => true;

    public override bool ReadsNgramIds => false;

    public override void Validate(SentimentNetworkOptions options)
    {
        Refuse(options.Layers != 1, nameof(options.Layers), $"cnn has one convolution layer, but Layers is {options.Layers}");
        Refuse(options.Bidirectional, nameof(options.Bidirectional), "cnn has no direction to reverse");
        Refuse(options.Pooling != RecurrentPooling.Max, nameof(options.Pooling), "cnn takes each filter's maximum over time, so Pooling must be Max");
        Refuse(options.Dropout != 0, nameof(options.Dropout), $"cnn has no dropout, but Dropout is {options.Dropout}");
    }

    public override SentimentNetworkBase Create(SentimentNetworkOptions options, NetworkInputs inputs) =>
        new CnnNetwork(inputs.VocabularySize, options.EmbeddingSize, options.Units);

    public override IEnumerable<LayerSummary> Summarise(SentimentNetworkOptions options, NetworkInputs inputs, int maxLength)
    {
        long embedding = options.EmbeddingSize, filters = options.Units;
        yield return new("embedding (Embedding)", $"(None, {maxLength}, {embedding})", inputs.VocabularySize * embedding);
        yield return new($"conv1d (Conv1D, width {CnnNetwork.KernelWidth}, relu)", $"(None, {maxLength - CnnNetwork.KernelWidth + 1}, {filters})", filters * embedding * CnnNetwork.KernelWidth + filters);
        yield return new("global_max_pooling1d (GlobalMaxPooling1D)", $"(None, {filters})", 0);
        yield return new("dense (Dense, sigmoid)", "(None, 1)", filters + 1);
    }

    public override string Describe(SentimentNetworkOptions options) =>
        $"a Conv1D({options.Units} filters, width {CnnNetwork.KernelWidth}) with max pooling over the embedded token ids";
}
