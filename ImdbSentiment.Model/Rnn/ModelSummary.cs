namespace ImdbSentiment.Model.Rnn;

/// <summary>One row of a Keras-style model summary.</summary>
public sealed record LayerSummary(string Layer, string OutputShape, long Parameters);

/// <summary>
/// Keras's <c>model.summary()</c> for a recurrent sentiment network: layers, output shapes, trainable parameters.
/// The counts are this project's networks': the simple RNNs' equal Keras's; a torch LSTM layer has two bias vectors
/// where Keras's has one (4 x units more per direction); a torch GRU equals Keras's GRU (reset_after=True).
/// </summary>
public sealed record ModelSummary(IReadOnlyList<LayerSummary> Layers)
{
    public long TotalParameters => Layers.Sum(layer => layer.Parameters);

    public static ModelSummary Describe(RecurrentTrainerOptions options, int maxLength)
    {
        if (!options.NgramBranch)
            return DescribeRecurrent(options, maxLength);
        LayerSummary bag = new("ngram_bag (NB-weighted n-grams, fixed ratios)", "(None, 1)", options.NgramVocabularySize + 1L);
        if (options.Architecture == RecurrentArchitecture.None)
            return new ModelSummary([bag]);
        return new ModelSummary([bag, .. DescribeRecurrent(options, maxLength).Layers, new("add (Add: n-gram + recurrent logits)", "(None, 1)", 0)]);
    }

    private static ModelSummary DescribeRecurrent(RecurrentTrainerOptions options, int maxLength)
    {
        int vocabulary = options.VocabularySize, units = options.Units, embedding = options.EmbeddingSize;
        var layers = new List<LayerSummary>();
        if (options.Architecture.IsGated())
            return new ModelSummary(DescribeGated(options, maxLength));

        int rnnInput;
        if (options.Architecture == RecurrentArchitecture.OneHotRnn)
        {
            layers.Add(new("one_hot (lookup, no weights)", $"(None, {maxLength}, {vocabulary})", 0));
            rnnInput = vocabulary;
        }
        else
        {
            layers.Add(new("embedding (Embedding)", $"(None, {maxLength}, {embedding})", (long)vocabulary * embedding));
            rnnInput = embedding;
        }

        layers.Add(new("simple_rnn (SimpleRNN)", $"(None, {units})", (long)units * rnnInput + (long)units * units + units));
        layers.Add(new("dense (Dense, sigmoid)", "(None, 1)", units + 1));
        return new ModelSummary(layers);
    }

    private static List<LayerSummary> DescribeGated(RecurrentTrainerOptions options, int maxLength)
    {
        long units = options.Units, embedding = options.EmbeddingSize;
        var directions = options.Bidirectional ? 2 : 1;
        var (name, kind, gates) = options.Architecture == RecurrentArchitecture.Lstm ? ("lstm", "LSTM", 4) : ("gru", "GRU", 3);
        var features = units * directions;
        var layers = new List<LayerSummary> { new("embedding (Embedding)", $"(None, {maxLength}, {embedding})", options.VocabularySize * embedding) };
        if (options.Dropout > 0)
            layers.Add(new($"dropout (Dropout {options.Dropout:0.###})", $"(None, {maxLength}, {embedding})", 0));

        for (var layer = 0; layer < options.Layers; layer++)
        {
            var input = layer == 0 ? embedding : features;
            var parameters = directions * gates * (units * input + units * units + 2 * units);
            var suffix = layer == 0 ? "" : $"_{layer}";
            var label = options.Bidirectional ? $"bidirectional{suffix} (Bidirectional({kind}))" : $"{name}{suffix} ({kind})";
            if (layer > 0 && options.Dropout > 0)
                label += $", input dropout {options.Dropout:0.###}";
            var sequences = layer < options.Layers - 1 || options.Pooling == RecurrentPooling.Max;
            layers.Add(new(label, sequences ? $"(None, {maxLength}, {features})" : $"(None, {features})", parameters));
        }

        if (options.Pooling == RecurrentPooling.Max)
            layers.Add(new("global_max_pooling1d (GlobalMaxPooling1D)", $"(None, {features})", 0));
        layers.Add(new("dense (Dense, sigmoid)", "(None, 1)", features + 1));
        return layers;
    }
}
