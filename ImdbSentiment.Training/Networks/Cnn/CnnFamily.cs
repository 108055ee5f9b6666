namespace ImdbSentiment.Training.Networks;

/// <summary>A one-layer convolutional text classifier over the embedded token ids (see <see cref="CnnNetwork"/>); Units is its filter count.</summary>
internal sealed class CnnFamily : NetworkFamily
{
    public override string Name => "cnn";

    public override bool ReadsTokenIds => true;

    public override bool HasEmbedding => true;

    public override bool ReadsNgramIds => false;

    public override void Validate(NetworkSettings network)
    {
        Refuse(network.Layers != 1, nameof(network.Layers), $"cnn has one convolution layer, but Layers is {network.Layers}");
        Refuse(network.Bidirectional, nameof(network.Bidirectional), "cnn has no direction to reverse");
        Refuse(network.Pooling != RecurrentPooling.Max, nameof(network.Pooling), "cnn takes each filter's maximum over time, so Pooling must be Max");
        Refuse(network.Dropout != 0, nameof(network.Dropout), $"cnn has no dropout, but Dropout is {network.Dropout}");
        Refuse(network.DropsWholeTokens, nameof(network.DropsWholeTokens), "cnn has no dropout to drop whole tokens");
    }

    public override SentimentNetworkBase Create(NetworkSettings network, NetworkInputs inputs) =>
        new CnnNetwork(inputs.VocabularySize, network.EmbeddingSize, network.Units);

    public override IEnumerable<LayerSummary> Summarise(NetworkSettings network, NetworkInputs inputs, int maxLength)
    {
        long embedding = network.EmbeddingSize, filters = network.Units;
        yield return new("embedding (Embedding)", $"(None, {maxLength}, {embedding})", inputs.VocabularySize * embedding);
        yield return new($"conv1d (Conv1D, width {CnnNetwork.KernelWidth}, relu)", $"(None, {maxLength - CnnNetwork.KernelWidth + 1}, {filters})", filters * embedding * CnnNetwork.KernelWidth + filters);
        yield return new("global_max_pooling1d (GlobalMaxPooling1D)", $"(None, {filters})", 0);
        yield return new("dense (Dense, sigmoid)", "(None, 1)", filters + 1);
    }

    public override string Describe(NetworkSettings network) =>
        $"a Conv1D({network.Units} filters, width {CnnNetwork.KernelWidth}) with max pooling over the embedded token ids";
}
