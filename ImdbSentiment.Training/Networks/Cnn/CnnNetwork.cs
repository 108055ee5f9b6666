using ImdbSentiment.Training.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Token ids [batch, time] -> logit [batch]: Embedding -> Conv1D(filters, width 3, ReLU) over time -> the maximum over
/// time of each filter (Keras's GlobalMaxPooling1D) -> Dense(1); Keras's Conv1D text classifier, initialised as Keras
/// initialises it (embedding uniform(-0.05, 0.05), kernel Glorot uniform, biases zero, dense Glorot uniform).
/// </summary>
internal sealed class CnnNetwork : SentimentNetworkBase
{
    /// <summary>Each filter reads this many consecutive tokens (a fixed width: the family has no setting of its own).</summary>
    public const int KernelWidth = 3;

    private readonly Embedding embedding;
    private readonly Conv1d convolution;
    private readonly Linear dense;

    public CnnNetwork(int vocabularySize, int embeddingSize, int filters) : base(nameof(CnnNetwork))
    {
        embedding = nn.Embedding(vocabularySize, embeddingSize);
        convolution = nn.Conv1d(embeddingSize, filters, KernelWidth);
        dense = nn.Linear(filters, 1);
        RegisterComponents();
        using var _ = no_grad();
        nn.init.uniform_(embedding.weight!, -0.05, 0.05);
        nn.init.xavier_uniform_(convolution.weight!);
        nn.init.zeros_(convolution.bias!);
        nn.init.xavier_uniform_(dense.weight!);
        nn.init.zeros_(dense.bias!);
    }

    public override Parameter? LookupTable => (Parameter)embedding.weight!;

    internal override Parameter? WordEmbedding => LookupTable;

    internal override bool ReadsTokenIds => true;

    internal override bool ReadsNgramIds => false;

    public override Tensor forward(FeatureBatch batch)
    {
        using var scope = NewDisposeScope();
        var channelsFirst = embedding.call(batch.TokenIds).transpose(1, 2);
        var features = nn.functional.relu(convolution.call(channelsFirst)).amax([2]);
        return dense.call(features).squeeze(-1).MoveToOuterDisposeScope();
    }

    internal override IReadOnlyList<OnnxBranch> OnnxBranches()
    {
        var weights = new CnnWeights(
            Values(embedding.weight!), (int)embedding.weight!.shape[1], Values(convolution.weight!), Values(convolution.bias!),
            Values(dense.weight!), Values(dense.bias!));
        return [(graph, logit) => CnnOnnx.Add(graph, weights, logit)];
    }
}

/// <summary>A trained CNN's weights as plain arrays in torch's layouts: embedding [vocabulary, width], kernel [filters, width, 3], biases, dense [1, filters].</summary>
internal sealed record CnnWeights(float[] Embedding, int EmbeddingSize, float[] Kernel, float[] KernelBias, float[] DenseWeights, float[] DenseBias)
{
    public int Filters => KernelBias.Length;

    public int VocabularySize => Embedding.Length / EmbeddingSize;
}
