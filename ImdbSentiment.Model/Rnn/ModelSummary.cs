namespace ImdbSentiment.Model.Rnn;

/// <summary>One row of a Keras-style model summary.</summary>
public sealed record LayerSummary(string Layer, string OutputShape, long Parameters);

/// <summary>Keras's <c>model.summary()</c> for a recurrent sentiment network: layers, output shapes, trainable parameters.</summary>
public sealed record ModelSummary(IReadOnlyList<LayerSummary> Layers)
{
    public long TotalParameters => Layers.Sum(layer => layer.Parameters);

    public static ModelSummary Describe(RecurrentTrainerOptions options, int maxLength)
    {
        int vocabulary = options.VocabularySize, units = options.Units, embedding = options.EmbeddingSize;
        var layers = new List<LayerSummary>();
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
}
