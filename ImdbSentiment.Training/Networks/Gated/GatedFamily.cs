namespace ImdbSentiment.Training.Networks;

/// <summary>Embedding, stacked and optionally bidirectional LSTM or GRU layers, pooling, Dense(1) (see <see cref="GatedSentimentNetwork"/>).</summary>
internal sealed class GatedFamily(GatedCell cell, string name) : NetworkFamily
{
    public override string Name => name;

    public override bool ReadsTokenIds => true;

    public override bool ReadsNgramIds => false;

    public override SentimentNetworkBase Create(SentimentNetworkOptions options, NetworkInputs inputs) =>
        new GatedSentimentNetwork(cell, inputs.VocabularySize, options.EmbeddingSize, options.Units, options.Layers, options.Bidirectional, options.Dropout, options.Pooling);

    public override IEnumerable<LayerSummary> Summarise(SentimentNetworkOptions options, NetworkInputs inputs, int maxLength)
    {
        long units = options.Units, embedding = options.EmbeddingSize;
        var directions = options.Bidirectional ? 2 : 1;
        var (kind, gates) = cell == GatedCell.Lstm ? ("LSTM", 4) : ("GRU", 3);
        var features = units * directions;
        yield return new("embedding (Embedding)", $"(None, {maxLength}, {embedding})", inputs.VocabularySize * embedding);
        if (options.Dropout > 0)
            yield return new($"dropout (Dropout {options.Dropout:0.###})", $"(None, {maxLength}, {embedding})", 0);

        for (var layer = 0; layer < options.Layers; layer++)
        {
            var input = layer == 0 ? embedding : features;
            var parameters = directions * gates * (units * input + units * units + 2 * units);
            var suffix = layer == 0 ? "" : $"_{layer}";
            var label = options.Bidirectional ? $"bidirectional{suffix} (Bidirectional({kind}))" : $"{Name}{suffix} ({kind})";
            if (layer > 0 && options.Dropout > 0)
                label += $", input dropout {options.Dropout:0.###}";
            var sequences = layer < options.Layers - 1 || options.Pooling == RecurrentPooling.Max;
            yield return new(label, sequences ? $"(None, {maxLength}, {features})" : $"(None, {features})", parameters);
        }

        if (options.Pooling == RecurrentPooling.Max)
            yield return new("global_max_pooling1d (GlobalMaxPooling1D)", $"(None, {features})", 0);
        yield return new("dense (Dense, sigmoid)", "(None, 1)", features + 1);
    }

    public override string Describe(SentimentNetworkOptions options) =>
        $"{(options.Layers > 1 ? $"{options.Layers} stacked " : "an ")}{(options.Bidirectional ? "bidirectional " : "")}{(cell == GatedCell.Lstm ? "LSTM" : "GRU")}({options.Units}) over the embedded token ids";
}
