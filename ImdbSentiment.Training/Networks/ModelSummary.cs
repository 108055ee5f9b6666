namespace ImdbSentiment.Training.Networks;

/// <summary>One row of a Keras-style model summary.</summary>
public sealed record LayerSummary(string Layer, string OutputShape, long Parameters);

/// <summary>
/// Keras's <c>model.summary()</c> for a sentiment network: layers, output shapes, trainable parameters; each family
/// gives its own rows. The counts are this project's networks': the simple RNNs' equal Keras's; a torch LSTM layer has
/// two bias vectors where Keras's has one (4 x units more per direction); a torch GRU equals Keras's GRU (reset_after=True).
/// </summary>
public sealed record ModelSummary(IReadOnlyList<LayerSummary> Layers)
{
    public long TotalParameters => Layers.Sum(layer => layer.Parameters);

    /// <summary>The summary of the network <paramref name="network"/> describe over inputs of these sizes.</summary>
    public static ModelSummary Describe(NetworkSettings network, NetworkInputs inputs, int maxLength) =>
        NetworkFamilies.Summarise(network, inputs, maxLength);

    /// <summary>The summary of the trainer's network, after its fused partner's layers and the fusion when it has one (<see cref="SentimentNetworkOptions.FusedWith"/>).</summary>
    public static ModelSummary Describe(SentimentNetworkOptions trainer, NetworkInputs inputs, int maxLength)
    {
        var network = Describe(trainer.Network, inputs, maxLength);
        if (trainer.FusedWith is not { } partner)
            return network;
        return new ModelSummary(
        [
            .. Describe(partner.Network, inputs, maxLength).Layers, .. network.Layers,
            new("fusion (weight x each logit + bias, fitted on validation)", "(None, 1)", 3),
        ]);
    }
}
