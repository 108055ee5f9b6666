using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Benchmarks.Suites.Epoch;

/// <summary>
/// The textbook TorchSharp network for the baseline: Embedding -> nn.RNN (tanh, batch first) -> Linear(1) on the
/// last hidden state. A one-hot input would be a 4 GB tensor, so the one-hot baseline is an Embedding as wide as
/// the RNN instead, which computes the same function with a plain torch RNN.
/// </summary>
internal sealed class TorchRnnNetwork : nn.Module<FeatureBatch, Tensor>
{
    private readonly Embedding embedding;
    private readonly RNN rnn;
    private readonly Linear dense;

    public TorchRnnNetwork(int vocabularySize, int embeddingSize, int units) : base(nameof(TorchRnnNetwork))
    {
        embedding = nn.Embedding(vocabularySize, embeddingSize);
        rnn = nn.RNN(embeddingSize, units, batchFirst: true);
        dense = nn.Linear(units, 1);
        RegisterComponents();
    }

    public override Tensor forward(FeatureBatch batch)
    {
        using var scope = NewDisposeScope();
        var (_, lastHidden) = rnn.call(embedding.call(batch.TokenIds), null);
        return dense.call(lastHidden[0]).squeeze(-1).MoveToOuterDisposeScope();
    }
}
