using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static ImdbSentiment.Tests.Rnn.Float32Against64;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>
/// The fused LSTM direction (<see cref="LstmRecurrence"/> over the input projections, as the network computes them)
/// against torch's own nn.LSTM in float64 with the same weights, each row run alone over its first length steps: the float32 outputs and the gradients of the inputs, both weight
/// matrices and both biases within 1e-5, for unit counts below, at and above the vector width and the recipe's 32, and
/// rows of every length; then the whole network with and without the fused steps.
/// </summary>
[TestClass]
public sealed class LstmRecurrenceTests
{
    private static readonly string[] ParameterNames = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"];

    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    [DataRow(23, 5, 16, 32, false, DisplayName = "the bilstm recipe's 32 units over a 16-wide input")]
    [DataRow(23, 5, 16, 32, true, DisplayName = "the same, the reverse direction")]
    [DataRow(9, 4, 6, 11, false, DisplayName = "11 units: gate rows of whole vector groups, single vectors and a scalar tail")]
    [DataRow(9, 4, 6, 11, true, DisplayName = "11 units, the reverse direction")]
    [DataRow(6, 3, 5, 3, false, DisplayName = "3 units, fewer than a vector")]
    [DataRow(1, 2, 4, 8, true, DisplayName = "one step, the reverse direction")]
    public void FusedDirection_MatchesTorchsLstmInFloat64_RowByRowOverEachLength(int time, int batch, int width, int units, bool reverse)
    {
        manual_seed(time * 1000 + batch * 100 + units);
        using var scope = NewDisposeScope();
        var inputs = randn(batch, time, width);
        var random = new Random(time + units);
        var lengths = Enumerable.Range(0, batch).Select(row => row == 0 ? time : random.Next(1, time + 1)).Select(length => (long)length).ToArray();
        var projection = randn(batch, time, units);
        using var lstm = nn.LSTM(width, units, batchFirst: true);
        var weights = ParameterNames.Select(name => Parameters(lstm)[name].detach().clone()).ToArray();

        var (outputs, gradients) = Fused(inputs, lengths, weights, projection, reverse);
        var (expectedOutputs, expectedGradients) = TorchFloat64(lstm, inputs, lengths, projection, reverse);

        AssertClose(expectedOutputs, outputs, "outputs");
        string[] what = ["inputs' gradient", .. ParameterNames.Select(name => $"{name}'s gradient")];
        for (var i = 0; i < what.Length; i++)
            AssertClose(expectedGradients[i], gradients[i], what[i]);
    }

    [TestMethod]
    public void FusedDirection_RefusesALengthBeyondTheSteps_NamingIt()
    {
        using var scope = NewDisposeScope();
        using var lstm = nn.LSTM(3, 2, batchFirst: true);
        var weights = ParameterNames.Select(name => Parameters(lstm)[name].detach()).ToArray();
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            LstmRecurrence.apply(randn(1, 4, 8), tensor(new long[] { 5 }), weights[1], false));
        StringAssert.Contains(error.Message, "A row's length must be 1 to 4 steps, got 5.");
    }

    [TestMethod]
    public void StepKernels_RefuseStatesShorterThanTheRow()
    {
        // The steps read and write without per-element bounds checks, so a short span must be refused up front.
        const int units = 8, length = 3;
        var error = Assert.ThrowsExactly<ArgumentException>(() => LstmRecurrenceKernels.Forward(
            new float[length * 4 * units], new float[4 * units * units], new float[length * units], new float[length * units], new float[length * units - 1], length, units, reverse: false));
        StringAssert.Contains(error.Message, $"needs {length * units} values a state, got {length * units - 1}");
        Assert.ThrowsExactly<ArgumentException>(() => LstmRecurrenceKernels.Backward(
            new float[length * 4 * units - 1], new float[length * units], new float[length * units], new float[length * units], new float[4 * units * units], length, units, reverse: true));
    }

    // Networks built outside the estimator draw from torch's process-wide generator (see GatedNetworkTests). Both
    // networks draw the same dropout masks in training (their streams are seeded from that generator, and they draw the
    // same shapes in the same order), so the rows with dropout compare the same masked networks.
    [TestMethod]
    [DoNotParallelize]
    [DataRow(1, true, RecurrentPooling.Max, true, 0.0, false, DisplayName = "first-layer projections from the ids, no dropout")]
    [DataRow(1, true, RecurrentPooling.Max, true, 0.5, true, DisplayName = "first-layer projections from the ids, whole tokens dropped")]
    [DataRow(2, true, RecurrentPooling.Max, true, 0.3, false, DisplayName = "projections of dropped values, two layers")]
    [DataRow(2, false, RecurrentPooling.Last, true, 0.0, false)]
    [DataRow(2, true, RecurrentPooling.Last, false, 0.0, false)]
    public void Network_WithFusedSteps_GivesTorchModulesLogitsAndGradients(
        int layers, bool bidirectional, RecurrentPooling pooling, bool masksPadding, double dropout, bool dropsWholeTokens)
    {
        manual_seed(5);
        using var fused = new GatedSentimentNetwork(
            GatedCell.Lstm, 40, 8, 6, layers, bidirectional, dropout, pooling, masksPadding, dropsWholeTokens: dropsWholeTokens);
        manual_seed(5);
        using var modules = new GatedSentimentNetwork(
            GatedCell.Lstm, 40, 8, 6, layers, bidirectional, dropout, pooling, masksPadding, fusesLstmSteps: false, dropsWholeTokens: dropsWholeTokens);
        Assert.IsTrue(fused.FusesLstmSteps);
        Assert.IsFalse(modules.FusesLstmSteps);
        Assert.AreEqual(dropout == 0 || dropsWholeTokens, fused.ProjectsEmbedding);
        using var scope = NewDisposeScope();
        // Pre-padded rows of 1 to 12 tokens in 12 positions, one row of padding alone.
        var ids = randint(1, 40, [7, 12]) * arange(12).unsqueeze(0).ge(tensor(new long[] { 0, 3, 11, 6, 9, 1, 12 }).unsqueeze(1));

        var (fusedLogits, fusedGradients) = LogitsAndGradients(fused, ids);
        var (moduleLogits, moduleGradients) = LogitsAndGradients(modules, ids);

        AssertClose(moduleLogits.to_type(ScalarType.Float64), fusedLogits, "logits");
        foreach (var (name, gradient) in moduleGradients)
            AssertClose(gradient.to_type(ScalarType.Float64), fusedGradients[name], $"{name}'s gradient");
    }

    private static (Tensor Outputs, Tensor[] Gradients) Fused(Tensor inputs, long[] lengths, Tensor[] weights, Tensor projection, bool reverse)
    {
        var x = inputs.detach().requires_grad_(true);
        var leaves = weights.Select(weight => weight.detach().requires_grad_(true)).ToArray();
        var (batch, time) = (x.shape[0], x.shape[1]);
        var projections = addmm(leaves[2] + leaves[3], x.view(batch * time, -1), leaves[0].t(), beta: 1, alpha: 1).view(batch, time, -1);
        var outputs = LstmRecurrence.apply(projections, tensor(lengths), leaves[1], reverse);
        (outputs * projection).sum().backward();
        return (outputs.detach(), [x.grad!, .. leaves.Select(leaf => leaf.grad!)]);
    }

    /// <summary>
    /// torch's module in float64, each row alone over its own positions (reversed, then its outputs reversed back, for
    /// the reverse direction); outputs past a row's length are zero.
    /// </summary>
    private static (Tensor Outputs, Tensor[] Gradients) TorchFloat64(LSTM lstm, Tensor inputs, long[] lengths, Tensor projection, bool reverse)
    {
        lstm.to(ScalarType.Float64);
        var x = inputs.to_type(ScalarType.Float64).detach().requires_grad_(true);
        var (batch, time, units) = (inputs.shape[0], inputs.shape[1], projection.shape[2]);
        var rows = new List<Tensor>();
        for (var b = 0; b < batch; b++)
        {
            var row = x.narrow(0, b, 1).narrow(1, 0, lengths[b]);
            var (output, _, _) = lstm.call(reverse ? row.flip(1) : row, null);
            output = reverse ? output.flip(1) : output;
            rows.Add(cat([output, zeros(1, time - lengths[b], units, dtype: ScalarType.Float64)], 1));
        }

        var outputs = cat(rows.ToArray(), 0);
        (outputs * projection.to_type(ScalarType.Float64)).sum().backward();
        var parameters = Parameters(lstm);
        return (outputs.detach(), [x.grad!, .. ParameterNames.Select(name => parameters[name].grad!)]);
    }

    private static (Tensor Logits, Dictionary<string, Tensor> Gradients) LogitsAndGradients(GatedSentimentNetwork network, Tensor ids)
    {
        var logits = network.call(new FeatureBatch(ids, null));
        (logits * arange(1, logits.shape[0] + 1, dtype: ScalarType.Float32)).sum().backward();
        return (logits.detach(), network.named_parameters().ToDictionary(pair => pair.name, pair => pair.parameter.grad!));
    }

    private static Dictionary<string, Parameter> Parameters(nn.Module module) =>
        module.named_parameters().ToDictionary(pair => pair.name, pair => pair.parameter);
}
