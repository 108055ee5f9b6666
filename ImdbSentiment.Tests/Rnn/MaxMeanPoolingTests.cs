using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static ImdbSentiment.Tests.Rnn.Float32Against64;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>
/// Max + mean pooling (<see cref="RecurrentPooling.MaxMean"/>): the masked mean against a row-by-row float64 mean, and
/// the whole network (fused LSTM steps and torch's GRU module) against torch's own modules in float64, each review run
/// alone over its real tokens, its outputs' maximum and mean concatenated before the dense layer: logits and the
/// gradient of every parameter within 1e-5.
/// </summary>
[TestClass]
public sealed class MaxMeanPoolingTests
{
    private const int Vocabulary = 40, EmbeddingSize = 8, Units = 6;

    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    public void MeanPooling_AveragesTheRealPositionsOnly_ValuesAndGradient()
    {
        manual_seed(17);
        using var scope = NewDisposeScope();
        var lengths = new long[] { 7, 1, 3, 5 };
        var sequence = randn(4, 7, 6).requires_grad_(true);
        // Larger values after each row's length, which the mean must not see.
        using (no_grad())
            sequence.masked_fill_(arange(7, dtype: ScalarType.Int64).unsqueeze(0).ge(tensor(lengths).unsqueeze(1)).unsqueeze(2), 100);
        var reference = sequence.detach().to_type(ScalarType.Float64).requires_grad_(true);
        var weights = randn(4, 6);

        var means = MaskedMeanPooling.Of(sequence, tensor(lengths));
        var expected = stack(lengths.Select((length, row) => reference[row].narrow(0, 0, length).mean([0])).ToArray());
        (means * weights).sum().backward();
        (expected * weights.to_type(ScalarType.Float64)).sum().backward();

        AssertClose(expected.detach(), means.detach(), "the means over the real positions");
        AssertClose(reference.grad!, sequence.grad!, "the gradient, 1 / length at each real position and 0 after");
    }

    [TestMethod]
    [DoNotParallelize]
    [DataRow(NetworkArchitecture.Lstm, true, true, DisplayName = "fused bidirectional LSTM")]
    [DataRow(NetworkArchitecture.Lstm, false, true, DisplayName = "fused forward LSTM")]
    [DataRow(NetworkArchitecture.Lstm, true, false, DisplayName = "bidirectional LSTM, torch's modules")]
    [DataRow(NetworkArchitecture.Gru, true, true, DisplayName = "bidirectional GRU")]
    public void Network_MatchesTorchModulesInFloat64_ReviewByReview(NetworkArchitecture architecture, bool bidirectional, bool fusesLstmSteps)
    {
        var cell = architecture == NetworkArchitecture.Lstm ? GatedCell.Lstm : GatedCell.Gru;
        manual_seed(29);
        using var network = new GatedSentimentNetwork(
            cell, Vocabulary, EmbeddingSize, Units, bidirectional: bidirectional, pooling: RecurrentPooling.MaxMean, fusesLstmSteps: fusesLstmSteps);
        using var scope = NewDisposeScope();
        // Pre-padded rows of 1 to 12 tokens in 12 positions.
        var starts = new long[] { 0, 3, 11, 6, 9, 1 };
        var ids = randint(1, Vocabulary, [starts.Length, 12]) * arange(12).unsqueeze(0).ge(tensor(starts).unsqueeze(1));
        var weights = arange(1, starts.Length + 1, dtype: ScalarType.Float32);

        var logits = network.call(new FeatureBatch(ids, null));
        (logits * weights).sum().backward();
        using var reference = new Float64Reference(network, cell, bidirectional);
        var expected = stack(starts.Select((start, row) => reference.Logit(ids[row].narrow(0, start, 12 - start))).ToArray());
        (expected * weights.to_type(ScalarType.Float64)).sum().backward();

        AssertClose(expected.detach(), logits.detach(), "logits");
        foreach (var (name, parameter) in network.named_parameters())
            AssertClose(reference.Gradient(name), parameter.grad!, $"{name}'s gradient");
    }

    [TestMethod]
    public void Summary_CountsTheDenseLayerOverBothPoolings()
    {
        var network = new NetworkSettings { Architecture = NetworkArchitecture.Lstm, EmbeddingSize = EmbeddingSize, Units = Units, Bidirectional = true, Pooling = RecurrentPooling.MaxMean };
        var summary = ModelSummary.Describe(network, new NetworkInputs(Vocabulary, 0), maxLength: 12);
        manual_seed(1);
        using var built = new GatedSentimentNetwork(GatedCell.Lstm, Vocabulary, EmbeddingSize, Units, bidirectional: true, pooling: RecurrentPooling.MaxMean);

        Assert.AreEqual(built.TrainableParameterCount, summary.TotalParameters);
        Assert.AreEqual(4 * Units + 1, summary.Layers[^1].Parameters, "Dense(1) over the maxima and the means of both directions");
    }

    /// <summary>
    /// The network's parameters in float64: the embedding and dense layer as leaves, each direction as a torch module
    /// (nn.LSTM or nn.GRU) with the network's weights, run one review at a time.
    /// </summary>
    private sealed class Float64Reference : IDisposable
    {
        private readonly Dictionary<string, Tensor> parameters = [];
        private readonly List<nn.Module> directions = [];

        public Float64Reference(GatedSentimentNetwork network, GatedCell cell, bool bidirectional)
        {
            var source = network.named_parameters().ToDictionary(pair => pair.name, pair => pair.parameter);
            foreach (var name in new[] { "embedding.weight", "dense.weight", "dense.bias" })
                parameters[name] = source[name].detach().to_type(ScalarType.Float64).requires_grad_(true);
            var prefix = cell == GatedCell.Lstm ? "lstm" : "gru";
            for (var index = 0; index < (bidirectional ? 2 : 1); index++)
            {
                nn.Module direction = cell == GatedCell.Lstm
                    ? nn.LSTM(EmbeddingSize, Units, batchFirst: true).to(ScalarType.Float64)
                    : nn.GRU(EmbeddingSize, Units, batchFirst: true).to(ScalarType.Float64);
                using (no_grad())
                {
                    foreach (var (name, parameter) in direction.named_parameters())
                    {
                        parameter.copy_(source[$"{prefix}.{index}.{name}"]);
                        parameters[$"{prefix}.{index}.{name}"] = parameter;
                    }
                }

                directions.Add(direction);
            }
        }

        public Tensor Gradient(string name) => parameters[name].grad!;

        /// <summary>One review's real tokens [length] -> its logit: embedding, each direction alone, max and mean over time, dense.</summary>
        public Tensor Logit(Tensor tokens)
        {
            var embedded = parameters["embedding.weight"].index_select(0, tokens).unsqueeze(0);
            var outputs = Outputs(directions[0], embedded);
            if (directions.Count == 2)
                outputs = cat([outputs, Outputs(directions[1], embedded.flip(1)).flip(1)], 2);
            var features = cat([outputs.amax([1]), outputs.mean([1])], 1);
            return (features.matmul(parameters["dense.weight"].t()) + parameters["dense.bias"]).squeeze();
        }

        public void Dispose()
        {
            foreach (var direction in directions)
                direction.Dispose();
        }

        private static Tensor Outputs(nn.Module direction, Tensor input) =>
            direction is LSTM lstm ? lstm.call(input, null).Item1 : ((GRU)direction).call(input, null).Item1;
    }
}
