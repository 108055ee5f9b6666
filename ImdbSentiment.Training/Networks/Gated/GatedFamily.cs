namespace ImdbSentiment.Training.Networks;

/// <summary>Embedding, stacked and optionally bidirectional LSTM or GRU layers, pooling, Dense(1) (see <see cref="GatedSentimentNetwork"/>).</summary>
internal sealed class GatedFamily(GatedCell cell, string name) : NetworkFamily
{
    public override string Name => name;

    public override bool ReadsTokenIds => true;

    public override bool HasEmbedding => true;

    public override bool ReadsNgramIds => false;

    public override SentimentNetworkBase Create(NetworkSettings network, NetworkInputs inputs) =>
        new GatedSentimentNetwork(cell, inputs.VocabularySize, network.EmbeddingSize, network.Units, network.Layers, network.Bidirectional, network.Dropout, network.Pooling,
            dropsWholeTokens: network.DropsWholeTokens);

    public override IEnumerable<LayerSummary> Summarise(NetworkSettings network, NetworkInputs inputs, int maxLength)
    {
        long units = network.Units, embedding = network.EmbeddingSize;
        var directions = network.Bidirectional ? 2 : 1;
        var (kind, gates) = cell == GatedCell.Lstm ? ("LSTM", 4) : ("GRU", 3);
        var features = units * directions;
        yield return new("embedding (Embedding)", $"(None, {maxLength}, {embedding})", inputs.VocabularySize * embedding);
        if (network.Dropout > 0)
            yield return new($"dropout (Dropout {network.Dropout:0.###}{(network.DropsWholeTokens ? ", whole tokens" : "")})", $"(None, {maxLength}, {embedding})", 0);

        for (var layer = 0; layer < network.Layers; layer++)
        {
            var input = layer == 0 ? embedding : features;
            var parameters = directions * gates * (units * input + units * units + 2 * units);
            var suffix = layer == 0 ? "" : $"_{layer}";
            var label = network.Bidirectional ? $"bidirectional{suffix} (Bidirectional({kind}))" : $"{Name}{suffix} ({kind})";
            if (layer > 0 && network.Dropout > 0)
                label += $", input dropout {network.Dropout:0.###}";
            var sequences = layer < network.Layers - 1 || network.Pooling.ReadsEveryPosition();
            yield return new(label, sequences ? $"(None, {maxLength}, {features})" : $"(None, {features})", parameters);
        }

        if (network.Pooling == RecurrentPooling.Max)
            yield return new("global_max_pooling1d (GlobalMaxPooling1D)", $"(None, {features})", 0);
        if (network.Pooling == RecurrentPooling.MaxMean)
            yield return new("max_mean_pooling (GlobalMaxPooling1D, GlobalAveragePooling1D, Concatenate)", $"(None, {2 * features})", 0);
        yield return new("dense (Dense, sigmoid)", "(None, 1)", network.Pooling.Features((int)features) + 1);
    }

    public override string Describe(NetworkSettings network) =>
        $"{(network.Layers > 1 ? $"{network.Layers} stacked " : "an ")}{(network.Bidirectional ? "bidirectional " : "")}{(cell == GatedCell.Lstm ? "LSTM" : "GRU")}({network.Units}) over the embedded token ids";
}
