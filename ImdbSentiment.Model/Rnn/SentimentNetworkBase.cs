using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Model.Rnn;

/// <summary>
/// What the trainer, the estimator and the exporter need of a sentiment network, whatever its cells: token ids
/// [batch, time] (int64) -> one logit per row [batch], its trainable parameters, the lookup table whose gradient is
/// sparse (for Keras's RMSprop), and the same network as an ONNX graph for ML.NET's OnnxTransformer.
/// </summary>
public abstract class SentimentNetworkBase(string name) : nn.Module<Tensor, Tensor>(name)
{
    /// <summary>The input lookup table (embedding), whose gradient only touches the rows of the ids in a batch.</summary>
    public abstract Parameter LookupTable { get; }

    public IEnumerable<Parameter> TrainableParameters() => parameters().Where(p => p.requires_grad);

    public long TrainableParameterCount => TrainableParameters().Sum(p => p.numel());

    /// <summary>
    /// The network as an ONNX model (opset 13): input <see cref="Onnx.SentimentNetworkExporter.InputName"/> [batch, time]
    /// int64, outputs <see cref="Onnx.SentimentNetworkExporter.LogitOutput"/> and <see cref="Onnx.SentimentNetworkExporter.ProbabilityOutput"/>
    /// [batch, 1], computing what <c>forward</c> computes in eval mode.
    /// </summary>
    public abstract byte[] ExportOnnx();

    protected static float[] Values(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.detach().cpu().contiguous().data<float>().ToArray();
    }
}
