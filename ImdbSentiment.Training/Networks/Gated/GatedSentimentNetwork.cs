using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Token ids [batch, time] -> logit [batch]: Embedding -> (Dropout -> LSTM or GRU layer, optionally
/// bidirectional) x layers -> pooling (the last layer's final states, or its outputs' maximum over time, alone or with
/// their mean) -> Dense(1).
/// </summary>
/// <remarks>
/// <para>
/// Dropout, in training only, is on every recurrent layer's input: the embedding output (value by value, or whole
/// tokens, <see cref="DropsWholeTokens"/>), and between layers what torch's RNN <c>dropout</c> argument does. The
/// layers are single-layer torch modules and the dropout masks come from the network's own streams
/// (<see cref="DropoutMasks"/>, seeded from torch's global generator when the network is built), so a training run is
/// reproducible even when other code in the process draws from the global generator meanwhile (parallel tests,
/// concurrent trainings); torch's built-in between-layer dropout would draw from the global generator.
/// </para>
/// <para>
/// Initialised as Keras initialises the same layers: embedding uniform(-0.05, 0.05), input kernels Glorot uniform,
/// recurrent kernels orthogonal, biases zero but an LSTM's forget gate one (unit_forget_bias), dense Glorot uniform.
/// torch's cells have two bias vectors: the GRU's parameter count equals Keras's GRU (reset_after=True); an LSTM
/// layer has 4 x units more parameters per direction than Keras's LSTM, which has one bias.
/// </para>
/// <para>
/// Padding is masked by default (<see cref="MasksPadding"/>), as Keras's Embedding(mask_zero=True) would: each row's
/// layers run over its real tokens alone, from a zero state, and max pooling takes the maximum over those positions only.
/// The real tokens are moved to the row's start; the forward direction runs over them with padding after them, which
/// cannot reach an earlier output, and the backward direction over them reversed row by row (so that its padding also
/// comes last), its outputs reversed back. libtorch's packed sequences would do the same but run 11x slower on CPU.
/// A review's logit is then the same however much padding surrounds it and whichever reviews share its batch, so the
/// trainer may batch reviews of similar lengths and run only their longest one's steps (an epoch of the bilstm recipe
/// runs about 230 steps a review instead of 400). The ONNX graph masks the same way (<see cref="RealTokensOnnx"/>). The
/// SimpleRNN seed networks keep Keras's unmasked behaviour.
/// </para>
/// <para>
/// An LSTM direction runs its steps as one <see cref="LstmRecurrence"/> node over its torch module's weights (torch's
/// module itself is a baseline, <see cref="FusesLstmSteps"/>); each row's steps stop at its length. Its input projections
/// are one matrix product, or for a first layer whose embedding output is not dropped value by value a lookup of the
/// batch's distinct tokens' projections (<see cref="ProjectsEmbedding"/>). GRU layers run torch's module.
/// </para>
/// </remarks>
internal sealed class GatedSentimentNetwork : SentimentNetworkBase
{
    private readonly Embedding embedding;
    private readonly ModuleList<LSTM>? lstm;
    private readonly IReadOnlyList<IReadOnlyDictionary<string, Parameter>>? lstmParameters;
    private readonly ModuleList<GRU>? gru;
    private readonly Linear dense;
    private readonly DropoutMasks? dropoutMasks;

    public GatedSentimentNetwork(
        GatedCell cell, int vocabularySize, int embeddingSize, int units,
        int layers = 1, bool bidirectional = false, double dropout = 0, RecurrentPooling pooling = RecurrentPooling.Last, bool masksPadding = true,
        bool fusesLstmSteps = true, bool dropsWholeTokens = false)
        : base(nameof(GatedSentimentNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        if (dropout is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Dropout must be at least 0 and below 1.");
        Cell = cell;
        Units = units;
        Layers = layers;
        Bidirectional = bidirectional;
        Dropout = dropout;
        Pooling = pooling;
        MasksPadding = masksPadding;
        FusesLstmSteps = fusesLstmSteps && cell == GatedCell.Lstm;
        DropsWholeTokens = dropsWholeTokens;
        embedding = nn.Embedding(vocabularySize, embeddingSize);
        // One one-directional module per layer and direction (layer-major, forward first), run over aligned real tokens.
        var inputWidths = Enumerable.Range(0, layers * Directions).Select(index => index < Directions ? embeddingSize : units * Directions).ToArray();
        if (cell == GatedCell.Lstm)
        {
            lstm = nn.ModuleList(inputWidths.Select(width => nn.LSTM(width, units, batchFirst: true)).ToArray());
            lstmParameters = lstm.Select(direction => (IReadOnlyDictionary<string, Parameter>)direction.named_parameters().ToDictionary(pair => pair.name, pair => pair.parameter)).ToArray();
        }
        else
            gru = nn.ModuleList(inputWidths.Select(width => nn.GRU(width, units, batchFirst: true)).ToArray());
        dense = nn.Linear(pooling.Features(units * Directions), 1);
        RegisterComponents();
        InitialiseLikeKeras();
        if (dropout > 0)
            dropoutMasks = new DropoutMasks();
    }

    public GatedCell Cell { get; }

    public int Units { get; }

    public int Layers { get; }

    public bool Bidirectional { get; }

    public double Dropout { get; }

    public RecurrentPooling Pooling { get; }

    /// <summary>
    /// Whether each row's recurrence runs over its real tokens only (see the remarks); false runs every layer over the
    /// whole padded row, as Keras does without mask_zero (the implementation before padding was skipped).
    /// </summary>
    internal override bool MasksPadding { get; }

    /// <summary>
    /// Whether an LSTM direction runs as one <see cref="LstmRecurrence"/> node over its module's weights; false runs the
    /// torch module itself (the implementation before, a baseline for the benchmark). GRU layers always run torch's module.
    /// </summary>
    internal bool FusesLstmSteps { get; }

    /// <summary>
    /// Whether the embedding output's dropout zeroes whole positions (every value of a token, the others scaled by
    /// 1 / (1 - p)) rather than single values; the dropout between stacked layers drops single values either way.
    /// </summary>
    public bool DropsWholeTokens { get; }

    /// <summary>
    /// Whether the first layer's input projections come straight from the token ids (<see cref="ProjectedEmbedding"/>):
    /// fused LSTM steps whose embedding output is not dropped value by value, so that a token's projection is the same
    /// wherever it stands.
    /// </summary>
    internal bool ProjectsEmbedding => FusesLstmSteps && (Dropout == 0 || DropsWholeTokens);

    private int Directions => Bidirectional ? 2 : 1;

    public override Parameter? LookupTable => (Parameter)embedding.weight!;

    internal override Parameter? WordEmbedding => LookupTable;

    public override Tensor forward(FeatureBatch batch)
    {
        using var scope = NewDisposeScope();
        var tokenIds = batch.TokenIds;
        var (ids, lengths) = MasksPadding ? RealTokens.Align(tokenIds) : (tokenIds, FullLengths(tokenIds));
        Tensor? sequence = null;
        for (var layer = 0; layer < Layers; layer++)
        {
            // sequence [batch, time, directions * units]: a row's real positions hold its outputs, those after them are ignored.
            if (layer == 0 && ProjectsEmbedding)
            {
                sequence = RunFusedLayer(layer, EmbeddingProjections(ids, batch.Share), lengths);
                continue;
            }

            var input = layer == 0 ? EmbeddingInput(ids, batch.Share) : ApplyDropout(sequence!, batch.Share);
            sequence = FusesLstmSteps ? RunFusedLayer(layer, InputProjections(input), lengths) : RunModules(layer, input, lengths);
        }

        return dense.call(Pool(sequence!, lengths)).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>Every row's length as the whole padded row, for a network that reads the padding too.</summary>
    private static Tensor FullLengths(Tensor tokenIds)
    {
        using var steps = tokenIds.shape[1].ToScalar();
        return full([tokenIds.shape[0]], steps, dtype: ScalarType.Int64);
    }

    /// <summary>
    /// Max pooling over each row's real positions, alone or followed by their mean; or the final states: the forward
    /// direction's output at the row's last real position and the backward direction's at its first.
    /// </summary>
    private Tensor Pool(Tensor sequence, Tensor lengths)
    {
        if (Pooling.ReadsEveryPosition())
        {
            var maxima = MaskedMaxPooling.apply(sequence, lengths);
            return Pooling == RecurrentPooling.MaxMean ? cat([maxima, MaskedMeanPooling.Of(sequence, lengths)], 1) : maxima;
        }

        var units = sequence.shape[2] / Directions;
        var last = lengths.sub(KeptScalars.IntegerOne).view(-1, 1, 1).expand(-1, 1, units);
        var forwardFinal = sequence.narrow(2, 0, units).gather(1, last).squeeze(1);
        return Bidirectional ? cat([forwardFinal, sequence.select(1, 0).narrow(1, units, units)], 1) : forwardFinal;
    }

    /// <summary>
    /// A layer's directions as <see cref="LstmRecurrence"/> nodes, each over the input projections [batch, time, 4 units]
    /// that projections gives for its index: [batch, time, directions x units]. The backward direction runs over each
    /// row's real positions from the last.
    /// </summary>
    private Tensor RunFusedLayer(int layer, Func<int, Tensor> projections, Tensor lengths)
    {
        var index = layer * Directions;
        var forward = LstmRecurrence.apply(projections(index), lengths, lstmParameters![index]["weight_hh_l0"], false);
        return Bidirectional ? cat([forward, LstmRecurrence.apply(projections(index + 1), lengths, lstmParameters[index + 1]["weight_hh_l0"], true)], 2) : forward;
    }

    /// <summary>A direction's input projections of [batch, time, width]: x W_ih^T + b_ih + b_hh, [batch, time, 4 units].</summary>
    private Func<int, Tensor> InputProjections(Tensor input) => index =>
    {
        var (inputWeights, inputBias, recurrentBias) = InputWeights(index);
        var (batch, time) = (input.shape[0], input.shape[1]);
        return addmm(inputBias.add(recurrentBias, KeptScalars.One), input.reshape(batch * time, -1), inputWeights.t(), beta: 1, alpha: 1)
            .view(batch, time, -1);
    };

    /// <summary>
    /// A direction's first-layer input projections from the ids' distinct tokens' rows (looked up once for both
    /// directions), the embedding's dropout (in training) on whole tokens.
    /// </summary>
    private Func<int, Tensor> EmbeddingProjections(Tensor ids, int share)
    {
        var table = embedding.weight!;
        var distinct = DistinctTokens.Of(ids, table.shape[0]);
        var rows = EmbeddingLookup.apply(table, distinct.Ids);
        var scale = TokenDropoutScale(ids, share);
        return index =>
        {
            var (inputWeights, inputBias, recurrentBias) = InputWeights(index);
            return ProjectedEmbedding.apply(rows, distinct.Slots, inputWeights, inputBias, recurrentBias, scale!);
        };
    }

    private (Tensor InputWeights, Tensor InputBias, Tensor RecurrentBias) InputWeights(int index)
    {
        var parameters = lstmParameters![index];
        return (parameters["weight_ih_l0"], parameters["bias_ih_l0"], parameters["bias_hh_l0"]);
    }

    /// <summary>
    /// A layer's directions as torch's modules: [batch, time, directions x units]. The backward direction runs over a
    /// copy with each row's real positions reversed, its outputs reversed back.
    /// </summary>
    private Tensor RunModules(int layer, Tensor input, Tensor lengths)
    {
        var forward = RunModule(layer * Directions, input);
        if (!Bidirectional)
            return forward;
        var reversal = RealTokens.ReversalIndex(lengths, input.shape[1]);
        return cat([forward, RealTokens.Reverse(RunModule(layer * Directions + 1, RealTokens.Reverse(input, reversal)), reversal)], 2);
    }

    private Tensor RunModule(int index, Tensor input)
    {
        if (lstm is not null)
        {
            var (sequence, _, _) = lstm[index].call(input, null);
            return sequence;
        }

        return gru![index].call(input, null).Item1;
    }

    /// <summary>The first layer's input: the ids' embedding rows, with their dropout in training.</summary>
    private Tensor EmbeddingInput(Tensor ids, int share)
    {
        var rows = EmbeddingLookup.apply(embedding.weight!, ids);
        if (!DropsWholeTokens)
            return ApplyDropout(rows, share);
        var scale = TokenDropoutScale(ids, share);
        return scale is null ? rows : rows * scale.unsqueeze(2);
    }

    /// <summary>In training with dropout, each position's scale [batch, time]: 0 with probability <see cref="Dropout"/>, else 1 / (1 - p); otherwise null.</summary>
    private Tensor? TokenDropoutScale(Tensor ids, int share)
    {
        if (!training || dropoutMasks is null)
            return null;
        var keep = 1 - Dropout;
        return dropoutMasks.Draw(ids, keep, (float)(1 / keep), share);
    }

    /// <summary>Inverted dropout as torch's: zero each value with probability <see cref="Dropout"/>, scale the rest by 1 / (1 - p).</summary>
    private Tensor ApplyDropout(Tensor input, int share)
    {
        if (!training || dropoutMasks is null)
            return input;
        var keep = 1 - Dropout;
        return input * dropoutMasks.Draw(input, keep, (float)(1 / keep), share);
    }

    private IEnumerable<nn.Module> RecurrentLayers => (IEnumerable<nn.Module>?)lstm ?? gru!;

    /// <summary>The weights in torch's layouts, per layer and direction, for <see cref="GatedOnnx"/>.</summary>
    public GatedNetworkWeights ToWeights()
    {
        var layers = RecurrentLayers
            .Select(direction => direction.named_parameters().ToDictionary(pair => pair.name, pair => pair.parameter))
            .Select(parameters => new GatedDirectionWeights(
                Values(parameters["weight_ih_l0"]), Values(parameters["weight_hh_l0"]), Values(parameters["bias_ih_l0"]), Values(parameters["bias_hh_l0"])))
            .Chunk(Directions)
            .Select(directions => (IReadOnlyList<GatedDirectionWeights>)directions)
            .ToArray();
        var table = embedding.weight!;
        return new GatedNetworkWeights(
            Cell, (int)table.shape[0], (int)table.shape[1], Units, Bidirectional, Pooling, MasksPadding, Values(table), layers, Values(dense.weight!), Values(dense.bias!));
    }

    internal override bool ReadsTokenIds => true;

    internal override bool ReadsNgramIds => false;

    /// <summary>See <see cref="GatedOnnx.Add"/>.</summary>
    internal override IReadOnlyList<OnnxBranch> OnnxBranches()
    {
        var weights = ToWeights();
        return [(graph, logit) => GatedOnnx.Add(graph, weights, logit)];
    }

    private void InitialiseLikeKeras()
    {
        using var _ = no_grad();
        nn.init.uniform_(embedding.weight!, -0.05, 0.05);
        foreach (var (name, parameter) in RecurrentLayers.SelectMany(layer => layer.named_parameters()))
        {
            if (name.StartsWith("weight_ih", StringComparison.Ordinal))
            {
                nn.init.xavier_uniform_(parameter);
            }
            else if (name.StartsWith("weight_hh", StringComparison.Ordinal))
            {
                nn.init.orthogonal_(parameter);
            }
            else
            {
                nn.init.zeros_(parameter);
                // Keras's unit_forget_bias: the forget gate (torch's second block) starts open. torch adds its two biases, so one gets it.
                if (Cell == GatedCell.Lstm && name.StartsWith("bias_ih", StringComparison.Ordinal))
                {
                    using var forgetGate = parameter.narrow(0, parameter.shape[0] / 4, parameter.shape[0] / 4);
                    forgetGate.fill_(1);
                }
            }
        }

        nn.init.xavier_uniform_(dense.weight!);
        nn.init.zeros_(dense.bias!);
    }
}
