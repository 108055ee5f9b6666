using ImdbSentiment.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Branches whose logits make one: each branch's logit times a fixed weight, summed, plus a fixed bias. Trained
/// together (weights 1, bias 0: e.g. an n-gram bag and a recurrent network over the token ids, so each branch learns what
/// the others miss), or trained apart and fused (<see cref="Fitting.LateFusion"/>: the weights fitted on validation).
/// </summary>
internal sealed class JointSentimentNetwork : SentimentNetworkBase
{
    private readonly ModuleList<SentimentNetworkBase> branches;
    private readonly float[] _weights;
    private readonly float _bias;
    // Held for the network's life: a Scalar made for one call can be finalised while libtorch reads it (see KeptScalars).
    private readonly Scalar[] _weightScalars;
    private readonly Scalar _biasScalar;

    public JointSentimentNetwork(params SentimentNetworkBase[] branches) : this(branches, [.. branches.Select(_ => 1f)], 0f)
    {
    }

    public JointSentimentNetwork(IReadOnlyList<SentimentNetworkBase> branches, float[] weights, float bias) : base(nameof(JointSentimentNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(branches.Count, 2);
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, branches.Count);
        this.branches = nn.ModuleList([.. branches]);
        _weights = weights;
        _bias = bias;
        _weightScalars = [.. weights.Select(weight => weight.ToScalar())];
        _biasScalar = bias.ToScalar();
        RegisterComponents();
    }

    /// <summary>The branches, in the order their weights are given.</summary>
    internal IReadOnlyList<SentimentNetworkBase> Branches => [.. branches];

    private bool IsPlainSum => _bias == 0 && _weights.All(weight => weight == 1);

    public override Parameter? LookupTable => branches.Select(branch => branch.LookupTable).FirstOrDefault(table => table is not null);

    internal override Parameter? WordEmbedding => branches.Select(branch => branch.WordEmbedding).FirstOrDefault(table => table is not null);

    internal override bool ReadsTokenIds => branches.Any(branch => branch.ReadsTokenIds);

    internal override bool ReadsNgramIds => branches.Any(branch => branch.ReadsNgramIds);

    // Not MasksPadding: the joint recipe's batches keep their documented order (no length buckets), but a fused graph
    // whose recurrent branch skips padding may be scored on rows padded to a batch's longest.
    internal override bool IgnoresTokenPadding => branches.Where(branch => branch.ReadsTokenIds).All(branch => branch.IgnoresTokenPadding);

    internal override void InitialiseFromData(SequenceTensors training)
    {
        foreach (var branch in branches)
            branch.InitialiseFromData(training);
    }

    public override Tensor forward(FeatureBatch batch)
    {
        using var scope = NewDisposeScope();
        var logit = Weighted(0, batch);
        for (var i = 1; i < branches.Count; i++)
            logit = logit.add(Weighted(i, batch), KeptScalars.One);
        if (_bias != 0)
            logit = logit.add(_biasScalar);
        return logit.MoveToOuterDisposeScope();
    }

    private Tensor Weighted(int branch, FeatureBatch batch)
    {
        var logit = branches[branch].call(batch);
        return _weights[branch] == 1 ? logit : logit.mul(_weightScalars[branch]);
    }

    /// <summary>A plain sum exports as the branches themselves (the exporter sums them); a weighted one as one branch that weighs them.</summary>
    internal override IReadOnlyList<OnnxBranch> OnnxBranches() =>
        IsPlainSum ? [.. branches.SelectMany(branch => branch.OnnxBranches())] : [AddWeightedSum];

    private void AddWeightedSum(OnnxGraphBuilder graph, string logit)
    {
        var terms = new List<string>();
        for (var i = 0; i < branches.Count; i++)
        {
            // A fused branch is one family's network (a leaf), so it adds its logit as one part.
            branches[i].OnnxBranches().Single()(graph, $"fused{i}_logit");
            graph.Initializer($"fused{i}_weight", [_weights[i]], 1)
                .Node("Mul", [$"fused{i}_logit", $"fused{i}_weight"], [$"fused{i}_weighted"]);
            terms.Add($"fused{i}_weighted");
        }

        graph.Initializer("fused_bias", [_bias], 1)
            .Node("Sum", [.. terms, "fused_bias"], [logit]);
    }
}
