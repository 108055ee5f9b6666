
namespace ImdbSentiment.Training.Networks;

/// <summary>The gated cell of a <see cref="GatedNetworkWeights"/> network.</summary>
internal enum GatedCell
{
    /// <summary>torch's LSTM: gates (i, f, g, o).</summary>
    Lstm,

    /// <summary>torch's GRU: gates (r, z, n), the reset gate applied after the recurrent product (ONNX linear_before_reset=1).</summary>
    Gru,
}

/// <summary>
/// One direction of one recurrent layer, in torch's layouts and gate order: input weights [gates * units, input width],
/// recurrent weights [gates * units, units], and the two biases (bias_ih, bias_hh) [gates * units].
/// </summary>
internal sealed record GatedDirectionWeights(float[] InputWeights, float[] RecurrentWeights, float[] InputBias, float[] RecurrentBias);

/// <summary>
/// A trained gated network's weights as plain arrays, so that the ONNX export needs no TorchSharp: the embedding
/// [vocabulary, embedding size], whether the recurrence skips padding (<see cref="GatedSentimentNetwork.MasksPadding"/>), per layer one <see cref="GatedDirectionWeights"/> per direction (forward first,
/// then backward), dense weights [1, the pooling's features] and dense bias [1].
/// </summary>
internal sealed record GatedNetworkWeights(
    GatedCell Cell, int VocabularySize, int EmbeddingSize, int Units, bool Bidirectional, RecurrentPooling Pooling, bool MasksPadding,
    float[] Embedding, IReadOnlyList<IReadOnlyList<GatedDirectionWeights>> Layers, float[] DenseWeights, float[] DenseBias)
{
    public int Directions => Bidirectional ? 2 : 1;

    public int Gates => Cell == GatedCell.Lstm ? 4 : 3;

    /// <summary>The width a layer reads: the embedding for the first, both directions' outputs for the next.</summary>
    public int InputWidth(int layer) => layer == 0 ? EmbeddingSize : Units * Directions;
}
