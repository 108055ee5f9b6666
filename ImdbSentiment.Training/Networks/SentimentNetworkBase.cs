using ImdbSentiment.Model;
using ImdbSentiment.Training.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// What the trainer, the estimator and the exporter need of a sentiment network, whatever its branches: a
/// <see cref="FeatureBatch"/> -> one logit per row [batch], its trainable parameters grouped by learning rate, the
/// lookup table whose gradient is sparse (for Keras's RMSprop), and the same network as an ONNX graph for ML.NET's
/// OnnxTransformer.
/// </summary>
public abstract class SentimentNetworkBase(string name) : nn.Module<FeatureBatch, Tensor>(name)
{
    /// <summary>The token-id lookup table, whose gradient only touches the rows of the ids in a batch; null for none.</summary>
    public abstract Parameter? LookupTable { get; }

    /// <summary>The token embedding table [vocabulary, embedding size] that word vectors start; null for a network without one (one-hot, n-gram bag).</summary>
    internal abstract Parameter? WordEmbedding { get; }

    public IEnumerable<Parameter> TrainableParameters() => parameters().Where(p => p.requires_grad);

    /// <summary>The trainable parameters of the n-gram bags in this network, which train with a learning rate of their own.</summary>
    public IEnumerable<Parameter> NgramBagParameters() =>
        modules().Prepend(this).OfType<NgramBagNetwork>().Distinct().SelectMany(bag => bag.parameters().Where(p => p.requires_grad));

    public long TrainableParameterCount => TrainableParameters().Sum(p => p.numel());

    /// <summary>Whether the network reads <see cref="FeatureBatch.TokenIds"/> / <see cref="FeatureBatch.NgramIds"/>.</summary>
    internal abstract bool ReadsTokenIds { get; }

    internal abstract bool ReadsNgramIds { get; }

    /// <summary>Whether padding never changes a logit, so batches of similar lengths run fewer steps (the trainer then buckets them).</summary>
    internal virtual bool MasksPadding => false;

    /// <summary>
    /// Whether padding ids in the token-id row change no logit, which the exported graph tells its scorers. That is
    /// <see cref="MasksPadding"/>, but for networks whose training batches stay as they come though every branch skips padding.
    /// </summary>
    internal virtual bool IgnoresTokenPadding => MasksPadding;

    /// <summary>The graph inputs the exported model has, in the order ML.NET's ApplyOnnxModel is given them.</summary>
    public IReadOnlyList<string> OnnxInputs =>
        [.. ReadsTokenIds ? [NetworkGraphNames.TokenIdsInput] : Array.Empty<string>(), .. ReadsNgramIds ? [NetworkGraphNames.NgramIdsInput] : Array.Empty<string>()];

    /// <summary>Sets what a network learns from the training data before the first step (the n-gram bag's ratios); nothing by default.</summary>
    internal virtual void InitialiseFromData(SequenceTensors training)
    {
    }

    /// <summary>The branches of this network, each adding its logit's nodes to a graph (what the ONNX export is made of).</summary>
    internal abstract IReadOnlyList<OnnxBranch> OnnxBranches();

    protected static float[] Values(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.detach().cpu().contiguous().data<float>().ToArray();
    }
}
