using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Microsoft.ML.TorchSharp;
using TorchSharp;

namespace ImdbSentiment.Tests.NasBert;

/// <summary>
/// A file in the format of NAS-BERT's pretrained weights (TorchSharp's state dict of ML.NET's NAS-BERT encoder, the
/// same 60 tensors and shapes) holding the random initial weights, so the whole path past the download runs offline.
/// Microsoft.ML.TorchSharp keeps the model classes internal, so they are reached by reflection: a test-only shortcut.
/// </summary>
internal static class FakeNasBertWeights
{
    private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Lazy<byte[]> Bytes = new(Create);

    public static byte[] Get() => Bytes.Value;

    private static byte[] Create()
    {
        var assembly = typeof(TorchSharpCatalog).Assembly;
        var tokenizers = Required(assembly.GetType("Microsoft.ML.TorchSharp.Extensions.TokenizerExtensions"));
        using var channel = ((IChannelProvider)new MLContext(seed: 1)).Start("fake NAS-BERT weights");
        var tokenizer = Required(tokenizers.GetMethod("GetInstance", Any)).Invoke(null, [channel])!;
        var roberta = Required(tokenizers.GetMethod("RobertaModel", Any)).Invoke(null, [tokenizer])!;
        var padIndex = (int)Required(roberta.GetType().GetProperty("PadIndex")).GetValue(roberta)!;
        var symbols = (int)Required(roberta.GetType().GetProperty("SymbolsCount")).GetValue(roberta)!;

        var options = Activator.CreateInstance(Required(assembly.GetType("Microsoft.ML.TorchSharp.NasBert.NasBertTrainer+NasBertOptions")), nonPublic: true)!;
        var modelType = Required(assembly.GetType("Microsoft.ML.TorchSharp.NasBert.Models.ModelForPrediction"));
        using var model = (torch.nn.Module)modelType.GetConstructors(Any).Single().Invoke([options, padIndex, symbols, 2]);
        var encoder = (torch.nn.Module)Required(modelType.GetMethod("GetEncoder", Any)).Invoke(model, null)!;

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            encoder.save(writer);
        return stream.ToArray();
    }

    private static T Required<T>(T? member) where T : class =>
        member ?? throw new InvalidOperationException("Microsoft.ML.TorchSharp's internals changed: update FakeNasBertWeights.");
}
