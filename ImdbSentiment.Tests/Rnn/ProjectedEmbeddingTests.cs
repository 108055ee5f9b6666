using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using static ImdbSentiment.Tests.Rnn.Float32Against64;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>
/// <see cref="ProjectedEmbedding"/> against the same arithmetic in torch's own operations in float64 (embedding rows,
/// times each position's scale, times W_ih^T, plus both biases): the float32 projections and the gradients of the
/// table, W_ih and both biases within 1e-5, with ids repeated within and across rows, and scales of 0, 2 (keep 0.5)
/// and 1 / 0.7.
/// </summary>
[TestClass]
public sealed class ProjectedEmbeddingTests
{

    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    [TestMethod]
    [DataRow(0.0, DisplayName = "no dropout: every scale 1")]
    [DataRow(0.5, DisplayName = "keep 0.5: scales 0 and 2")]
    [DataRow(0.3, DisplayName = "keep 0.7: scales 0 and 1 / 0.7")]
    public void Projections_AndGradients_MatchTorchsOperationsInFloat64(double dropout)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(11);
        var (vocabulary, width, gates, batch, time) = (13, 5, 12, 4, 9);
        var table = randn(vocabulary, width, generator: generator);
        var weights = randn(gates, width, generator: generator);
        var (inputBias, recurrentBias) = (randn(gates, generator: generator), randn(gates, generator: generator));
        // Ids from a small vocabulary, so that most tokens stand at several positions.
        var ids = randint(0, vocabulary, [batch, time], generator: generator);
        var keep = 1 - dropout;
        Tensor? scale = dropout == 0 ? null : rand([batch, time], generator: generator).lt(keep).to_type(ScalarType.Float32) * (float)(1 / keep);
        var projection = randn(batch, time, gates, generator: generator);

        var leaves = new[] { table, weights, inputBias, recurrentBias }.Select(tensor => tensor.detach().requires_grad_(true)).ToArray();
        var projected = ProjectedEmbedding.apply(leaves[0], ids, leaves[1], leaves[2], leaves[3], scale!);
        (projected * projection).sum().backward();

        var expectedLeaves = new[] { table, weights, inputBias, recurrentBias }.Select(tensor => tensor.to_type(ScalarType.Float64).detach().requires_grad_(true)).ToArray();
        var rows = expectedLeaves[0].index_select(0, ids.view(-1)).view(batch, time, width);
        if (scale is not null)
            rows = rows * scale.to_type(ScalarType.Float64).unsqueeze(2);
        var expected = rows.matmul(expectedLeaves[1].t()) + expectedLeaves[2] + expectedLeaves[3];
        (expected * projection.to_type(ScalarType.Float64)).sum().backward();

        AssertClose(expected.detach(), projected.detach(), "projections");
        string[] what = ["table's gradient", "W_ih's gradient", "b_ih's gradient", "b_hh's gradient"];
        for (var i = 0; i < what.Length; i++)
            AssertClose(expectedLeaves[i].grad!, leaves[i].grad!, what[i]);
    }

    [TestMethod]
    public void AnIdOutsideTheTable_IsRefusedNamingTheRange()
    {
        using var scope = NewDisposeScope();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            ProjectedEmbedding.apply(randn(3, 2), tensor(new long[,] { { 0, 3 } }), randn(4, 2), zeros(4), zeros(4), null!));
        StringAssert.Contains(error.Message, "A token id must be 0 to 2.");
    }
}
