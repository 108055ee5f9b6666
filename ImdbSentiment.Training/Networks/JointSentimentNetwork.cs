using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Branches trained together as one network: the logit is the sum of the branches' logits (e.g. an n-gram bag and a
/// recurrent network over the token ids), so each branch learns what the others miss.
/// </summary>
internal sealed class JointSentimentNetwork : SentimentNetworkBase
{
    private readonly ModuleList<SentimentNetworkBase> branches;

    public JointSentimentNetwork(params SentimentNetworkBase[] branches) : base(nameof(JointSentimentNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(branches.Length, 2);
        this.branches = nn.ModuleList(branches);
        RegisterComponents();
    }

    public override Parameter? LookupTable => branches.Select(branch => branch.LookupTable).FirstOrDefault(table => table is not null);

    internal override Parameter? WordEmbedding => branches.Select(branch => branch.WordEmbedding).FirstOrDefault(table => table is not null);

    internal override bool ReadsTokenIds => branches.Any(branch => branch.ReadsTokenIds);

    internal override bool ReadsNgramIds => branches.Any(branch => branch.ReadsNgramIds);

    internal override void InitialiseFromData(SequenceTensors training)
    {
        foreach (var branch in branches)
            branch.InitialiseFromData(training);
    }

    public override Tensor forward(FeatureBatch batch)
    {
        using var scope = NewDisposeScope();
        var logit = branches[0].call(batch);
        for (var i = 1; i < branches.Count; i++)
            logit = logit.add(branches[i].call(batch), KeptScalars.One);
        return logit.MoveToOuterDisposeScope();
    }

    internal override IReadOnlyList<OnnxBranch> OnnxBranches() => [.. branches.SelectMany(branch => branch.OnnxBranches())];
}
