using Google.Protobuf;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;
using Onnx;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// The simple-RNN recogniser reads the seed model's weights as Google.Protobuf parses them, and refuses any graph
/// that computes something else (another activation, direction or clip, an extra node or attribute, a rewired
/// output) or that it cannot read, so those keep onnxruntime.
/// </summary>
[TestClass]
public sealed class SimpleRnnGraphTests
{
    private static byte[] SeedGraph() =>
        SavedChainReader.TryRead(Path.Combine(DataFixtures.FindRepoRoot()!, "models", "imdb-sentiment.zip"))!.Value.Network.Bytes;

    [TestMethod]
    public void SeedGraph_IsReadAsProtobufParsesIt()
    {
        var bytes = SeedGraph();
        var model = ModelProto.Parser.ParseFrom(bytes);
        float[] Initializer(string name) => [.. model.Graph.Initializer.Single(tensor => tensor.Name == name).FloatData];

        var graph = SimpleRnnGraph.TryRead(bytes);

        Assert.IsNotNull(graph);
        Assert.AreEqual((500, 16, 8), (graph.VocabularySize, graph.InputWidth, graph.Units));
        CollectionAssert.AreEqual(Initializer("lookup"), graph.Lookup);
        CollectionAssert.AreEqual(Initializer("W"), graph.InputWeights);
        CollectionAssert.AreEqual(Initializer("R"), graph.RecurrentWeights);
        CollectionAssert.AreEqual(Initializer("B"), graph.Bias);
        CollectionAssert.AreEqual(Initializer("dense_weight"), graph.DenseWeights);
        Assert.AreEqual(Initializer("dense_bias")[0], graph.DenseBias);
    }

    [TestMethod]
    [DataRow("clip", DisplayName = "an RNN with a clip")]
    [DataRow("reverse", DisplayName = "a reverse RNN")]
    [DataRow("relu", DisplayName = "a Relu RNN")]
    [DataRow("extra node", DisplayName = "an extra node")]
    [DataRow("gemm alpha", DisplayName = "a Gemm with an alpha")]
    [DataRow("rewired", DisplayName = "the probability read from another value")]
    [DataRow("raw lookup", DisplayName = "the lookup as raw bytes (recognised)")]
    public void ChangedGraphs_AreRefused_ButTheSameGraphInRawBytesIsNot(string change)
    {
        var model = ModelProto.Parser.ParseFrom(SeedGraph());
        var nodes = model.Graph.Node;
        var rnn = nodes.Single(node => node.OpType == "RNN");
        switch (change)
        {
            case "clip":
                rnn.Attribute.Add(new AttributeProto { Name = "clip", Type = AttributeProto.Types.AttributeType.Float, F = 3 });
                break;
            case "reverse":
                rnn.Attribute.Add(new AttributeProto { Name = "direction", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("reverse") });
                break;
            case "relu":
                rnn.Attribute.Single(attribute => attribute.Name == "activations").Strings[0] = ByteString.CopyFromUtf8("Relu");
                break;
            case "extra node":
                nodes.Insert(5, new NodeProto { OpType = "Identity", Input = { NetworkGraphNames.LogitOutput }, Output = { "copy" } });
                break;
            case "gemm alpha":
                nodes.Single(node => node.OpType == "Gemm").Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 2 });
                break;
            case "rewired":
                nodes.Single(node => node.OpType == "Sigmoid").Input[0] = "hidden";
                break;
            case "raw lookup":
                var lookup = model.Graph.Initializer.Single(tensor => tensor.Name == "lookup");
                lookup.RawData = ByteString.CopyFrom([.. lookup.FloatData.SelectMany(BitConverter.GetBytes)]);
                lookup.FloatData.Clear();
                break;
        }

        var graph = SimpleRnnGraph.TryRead(model.ToByteArray());

        if (change == "raw lookup")
            CollectionAssert.AreEqual(SimpleRnnGraph.TryRead(SeedGraph())!.Lookup, graph!.Lookup);
        else
            Assert.IsNull(graph);
    }

    [TestMethod]
    public void TruncatedOrForeignBytes_AreRefusedWithoutThrowing()
    {
        var bytes = SeedGraph();

        Assert.IsNull(SimpleRnnGraph.TryRead(bytes[..(bytes.Length / 2)]));
        Assert.IsNull(SimpleRnnGraph.TryRead([0xff, 0xff, 0xff]));
        Assert.IsNull(SimpleRnnGraph.TryRead([]));
    }
}
