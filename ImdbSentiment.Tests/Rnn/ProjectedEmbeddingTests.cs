using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using static ImdbSentiment.Tests.Rnn.Float32Against64;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>
/// <see cref="ProjectedEmbedding"/> over <see cref="DistinctTokens"/>' rows, as the network composes them, against the
/// same arithmetic in torch's own operations in float64 (each position's embedding row, times its scale, times W_ih^T,
/// plus both biases): the float32 projections and the gradients of the
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
        var distinct = DistinctTokens.Of(ids, vocabulary);
        var projected = ProjectedEmbedding.apply(EmbeddingLookup.apply(leaves[0], distinct.Ids), distinct.Slots, leaves[1], leaves[2], leaves[3], scale!);
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
    public void DistinctTokens_AreInOrderOfFirstAppearance_WithEachPositionsSlot()
    {
        using var scope = NewDisposeScope();
        var distinct = DistinctTokens.Of(tensor(new long[,] { { 4, 0, 4 }, { 2, 0, 7 } }), vocabulary: 8);
        CollectionAssert.AreEqual(new long[] { 4, 0, 2, 7 }, distinct.Ids.data<long>().ToArray());
        CollectionAssert.AreEqual(new long[] { 2, 3 }, distinct.Slots.shape);
        CollectionAssert.AreEqual(new[] { 0, 1, 0, 2, 1, 3 }, distinct.Slots.data<int>().ToArray());
    }

    [TestMethod]
    public void AnIdOutsideTheTable_IsRefusedNamingTheRange()
    {
        using var scope = NewDisposeScope();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DistinctTokens.Of(tensor(new long[,] { { 0, 3 } }), vocabulary: 3));
        StringAssert.Contains(error.Message, "A token id must be 0 to 2.");
    }
}
