using ImdbSentiment.Model;
using ImdbSentiment.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// N-gram ids [batch, n-grams] -> logit [batch]: a naive-Bayes-weighted bag of n-grams, NBSVM (Wang and Manning 2012)
/// as one differentiable layer. Each n-gram g has a fixed log-count ratio r_g (how much more often it appears in
/// positive than in negative training reviews, add-one smoothed, each review counting once) and a trainable weight
/// w_g; a review's logit is the bias plus the sum over its distinct n-grams of (w_g + 0.4) * r_g / 10. Starting from
/// w near 0, the model is scaled naive Bayes; weight decay on w pulls it back there, which is NBSVM's interpolation
/// between naive Bayes and a discriminative model. The offset and scale are fast.ai's "NBSVM++" (DotProdNB) values.
/// </summary>
internal sealed class NgramBagNetwork : SentimentNetworkBase
{
    // Kept alive, as KeptScalars says why.
    private static readonly Scalar WeightOffset = 0.4.ToScalar();
    private static readonly Scalar RatioScale = 10.0.ToScalar();

    private readonly Parameter weights;
    private readonly Parameter ratios;
    private readonly Parameter bias;
    private readonly bool naiveBayes;
    private readonly double dropout;
    private readonly DropoutMasks? dropoutMasks;

    /// <param name="dropout">In training only, each n-gram of a review is left out with this probability (the rest scaled up to match).</param>
    /// <param name="naiveBayes">False sets every ratio to 1: a plain bag of n-grams, for the ablation.</param>
    public NgramBagNetwork(int vocabularySize, double dropout = 0, bool naiveBayes = true) : base(nameof(NgramBagNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        if (dropout is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Dropout must be at least 0 and below 1.");
        this.naiveBayes = naiveBayes;
        this.dropout = dropout;
        weights = nn.Parameter(empty(vocabularySize));
        ratios = nn.Parameter(zeros(vocabularySize), requires_grad: false);
        bias = nn.Parameter(zeros(1));
        RegisterComponents();
        using (no_grad())
            nn.init.uniform_(weights, -0.1, 0.1);
        if (dropout > 0)
            dropoutMasks = new DropoutMasks();
    }

    public int VocabularySize => (int)weights.shape[0];

    public override Parameter? LookupTable => null;

    internal override Parameter? WordEmbedding => null;

    internal override bool ReadsTokenIds => false;

    internal override bool ReadsNgramIds => true;

    /// <summary>The log-count ratios of the training reviews' n-grams (the padding id's stays 0).</summary>
    internal override void InitialiseFromData(SequenceTensors training)
    {
        var rows = training.NgramIds ?? throw new InvalidOperationException($"The n-gram bag needs the featurizer's {ColumnNames.NgramIds}: set its NgramLength.");
        var labels = training.Labels.data<float>().ToArray();
        var positive = new double[VocabularySize];
        var negative = new double[VocabularySize];
        for (var row = 0; row < rows.Count; row++)
        {
            var counts = labels[row] > 0.5f ? positive : negative;
            foreach (var id in rows[row])
                counts[id]++;
        }

        // Over the n-gram ids alone: the padding id starts every row and says nothing.
        var smoothedPositive = positive.Sum() - positive[0] + VocabularySize - 1;
        var smoothedNegative = negative.Sum() - negative[0] + VocabularySize - 1;
        var values = new float[VocabularySize];
        for (var id = 1; id < VocabularySize; id++)
            values[id] = naiveBayes ? (float)Math.Log((positive[id] + 1) / smoothedPositive / ((negative[id] + 1) / smoothedNegative)) : 1f;
        using var _ = no_grad();
        using var computed = tensor(values);
        ratios.copy_(computed);
    }

    public override Tensor forward(FeatureBatch batch)
    {
        using var scope = NewDisposeScope();
        var ids = batch.RequireNgramIds();
        var flat = ids.reshape(-1);
        var contributions = weights.index_select(0, flat).add(WeightOffset).mul(ratios.index_select(0, flat)).div(RatioScale);
        if (training && dropoutMasks is not null)
            contributions = contributions.mul(dropoutMasks.Draw(contributions, 1 - dropout, (float)(1 / (1 - dropout)), batch.Share));
        return contributions.reshape(ids.shape[0], ids.shape[1]).sum(1).add(bias, KeptScalars.One).MoveToOuterDisposeScope();
    }

    /// <summary>Each n-gram's effective weight (w + 0.4) * r / 10, as one table for the ONNX graph.</summary>
    public NgramBagWeights ToWeights()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return new NgramBagWeights(Values(weights.add(WeightOffset).mul(ratios).div(RatioScale)), Values(bias));
    }

    internal override IReadOnlyList<OnnxBranch> OnnxBranches()
    {
        var exported = ToWeights();
        return [(graph, logit) => NgramBagOnnx.Add(graph, exported, logit)];
    }
}
