using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Token ids [batch, time] -> logit [batch]: an input lookup, a tanh RNN (Keras's SimpleRNN) whose last hidden state
/// feeds Dense(1). Parameters and initialisers are Keras's, so the trainable counts are too (4,081 and 8,209).
/// One-hot times the RNN's input kernel is a row lookup, so the one-hot network's input kernel is its lookup table
/// and no one-hot tensor is ever built; the embedding network's table is the embedding times its input kernel.
/// </summary>
internal sealed class SimpleRnnNetwork : SentimentNetworkBase
{
    private readonly Embedding lookup;
    private readonly Parameter? inputKernel;
    private readonly Parameter recurrentKernel;
    private readonly Parameter bias;
    private readonly Linear dense;

    public SimpleRnnNetwork(NetworkArchitecture architecture, int vocabularySize, int embeddingSize, int units)
        : base(nameof(SimpleRnnNetwork))
    {
        Architecture = architecture;
        var oneHot = architecture == NetworkArchitecture.OneHotRnn;
        lookup = nn.Embedding(vocabularySize, oneHot ? units : embeddingSize);
        inputKernel = oneHot ? null : nn.Parameter(empty(units, embeddingSize));
        recurrentKernel = nn.Parameter(empty(units, units));
        bias = nn.Parameter(zeros(units));
        dense = nn.Linear(units, 1);
        RegisterComponents();
        InitialiseLikeKeras();
    }

    public NetworkArchitecture Architecture { get; }

    /// <summary>The lookup table, whose gradient only touches the rows of the ids in a batch.</summary>
    public override Parameter? LookupTable => (Parameter)lookup.weight!;

    /// <summary>The embedding network's table; the one-hot network's lookup is its input kernel, not an embedding.</summary>
    internal override Parameter? WordEmbedding => inputKernel is null ? null : LookupTable;

    public override Tensor forward(FeatureBatch batch)
    {
        using var scope = NewDisposeScope();
        var lastHidden = TanhRecurrence.apply(InputTable().add(bias, KeptScalars.One), batch.TokenIds, recurrentKernel);
        return dense.call(lastHidden).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>Every vocabulary id's input to the recurrence (without the bias): [vocabulary, units].</summary>
    private Tensor InputTable() => inputKernel is null ? lookup.weight! : lookup.weight!.mm(inputKernel.t());

    public SimpleRnnWeights ToWeights()
    {
        var units = (int)recurrentKernel.shape[0];
        var width = (int)lookup.weight!.shape[1];
        // ONNX's RNN always multiplies by an input kernel: the identity stands in for the one-hot network's.
        var inputWeights = inputKernel is null ? Values(eye(units)) : Values(inputKernel);
        return new SimpleRnnWeights(
            (int)lookup.weight.shape[0], width, units,
            Values(lookup.weight), inputWeights, Values(recurrentKernel),
            Values(bias), new float[units], Values(dense.weight!), Values(dense.bias!));
    }

    internal override bool ReadsTokenIds => true;

    internal override bool ReadsNgramIds => false;

    /// <summary>See <see cref="SimpleRnnOnnx.Add"/>.</summary>
    internal override IReadOnlyList<OnnxBranch> OnnxBranches()
    {
        var weights = ToWeights();
        return [(graph, logit) => SimpleRnnOnnx.Add(graph, weights, logit)];
    }

    private void InitialiseLikeKeras()
    {
        using var _ = no_grad();
        if (inputKernel is null)
        {
            nn.init.xavier_uniform_(lookup.weight!);
        }
        else
        {
            nn.init.uniform_(lookup.weight!, -0.05, 0.05);
            nn.init.xavier_uniform_(inputKernel);
        }

        nn.init.orthogonal_(recurrentKernel);
        nn.init.xavier_uniform_(dense.weight!);
        nn.init.zeros_(dense.bias!);
    }
}
