using ImdbSentiment.Model.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Model.Rnn;

/// <summary>
/// Token ids [batch, time] -> logit [batch]: an input lookup, a tanh RNN whose last hidden state feeds Dense(1).
/// Parameters and initialisers follow Keras's SimpleRNN, which has one bias vector where torch's RNN has two:
/// bias_hh is frozen at zero. One-hot times the input kernel is a column lookup, so the one-hot network looks its
/// input kernel up as an embedding table and freezes the RNN's own input weights at the identity.
/// </summary>
public sealed class SentimentNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Embedding lookup;
    private readonly RNN rnn;
    private readonly Linear dense;

    public SentimentNetwork(RecurrentArchitecture architecture, int vocabularySize, int embeddingSize, int units)
        : base(nameof(SentimentNetwork))
    {
        Architecture = architecture;
        var lookupWidth = architecture == RecurrentArchitecture.OneHotRnn ? units : embeddingSize;
        lookup = nn.Embedding(vocabularySize, lookupWidth);
        rnn = nn.RNN(lookupWidth, units, numLayers: 1, nonLinearity: nn.NonLinearities.Tanh, bias: true, batchFirst: true);
        dense = nn.Linear(units, 1);
        RegisterComponents();
        InitialiseLikeKeras();
    }

    public RecurrentArchitecture Architecture { get; }

    public Tensor LookupTable => lookup.weight!;

    public Tensor InputWeights => rnn.get_parameter("weight_ih_l0")!;

    public Tensor RecurrentWeights => rnn.get_parameter("weight_hh_l0")!;

    /// <summary>bias_ih + bias_hh (the frozen zero), the single Keras bias.</summary>
    public Tensor InputBias => rnn.get_parameter("bias_ih_l0")!;

    public Tensor RecurrentBias => rnn.get_parameter("bias_hh_l0")!;

    public Tensor DenseWeights => dense.weight!;

    public Tensor DenseBias => dense.bias!;

    public RecurrentNetworkWeights ToWeights() => new(
        (int)LookupTable.shape[0], (int)LookupTable.shape[1], (int)RecurrentWeights.shape[0],
        Values(LookupTable), Values(InputWeights), Values(RecurrentWeights),
        Values(InputBias), Values(RecurrentBias), Values(DenseWeights), Values(DenseBias));

    private static float[] Values(Tensor tensor) => tensor.detach().cpu().data<float>().ToArray();

    public IEnumerable<Parameter> TrainableParameters() => parameters().Where(p => p.requires_grad);

    public long TrainableParameterCount => TrainableParameters().Sum(p => p.numel());

    public override Tensor forward(Tensor tokenIds)
    {
        using var scope = NewDisposeScope();
        var (_, lastHidden) = rnn.call(lookup.call(tokenIds));
        return dense.call(lastHidden.squeeze(0)).squeeze(-1).MoveToOuterDisposeScope();
    }

    private void InitialiseLikeKeras()
    {
        using var _ = no_grad();
        if (Architecture == RecurrentArchitecture.OneHotRnn)
        {
            nn.init.xavier_uniform_(lookup.weight!);
            InputWeights.copy_(eye(InputWeights.shape[0]));
            InputWeights.requires_grad = false;
        }
        else
        {
            nn.init.uniform_(lookup.weight!, -0.05, 0.05);
            nn.init.xavier_uniform_(InputWeights);
        }

        nn.init.orthogonal_(RecurrentWeights);
        nn.init.zeros_(InputBias);
        nn.init.zeros_(RecurrentBias);
        RecurrentBias.requires_grad = false;
        nn.init.xavier_uniform_(DenseWeights);
        nn.init.zeros_(DenseBias);
    }
}
