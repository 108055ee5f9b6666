using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>
/// The managed recurrence in <see cref="TanhRecurrence"/> against autograd over a per-step loop (index_select, mm,
/// tanh) in float64 on the same values: the float32 forward and both gradients within 1e-5, for shapes whose batch and
/// units are and are not multiples of the vector width (a recipe batch, a last partial batch, one row, units below,
/// at and above 8), with ids that repeat within and across rows.
/// </summary>
[TestClass]
public sealed class TanhRecurrenceTests
{
    private const double Tolerance = 1e-5;
    private const int Vocabulary = 23;

    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    [DataRow(100, 64, 8, DisplayName = "the seed recipe's batch: 100 steps x 64 rows x 8 units")]
    [DataRow(100, 32, 8, DisplayName = "the last partial batch of 20,000 rows in 64s")]
    [DataRow(7, 13, 8, DisplayName = "13 rows")]
    [DataRow(5, 1, 3, DisplayName = "one row, fewer units than a vector")]
    [DataRow(6, 9, 11, DisplayName = "units: one vector and a tail")]
    [DataRow(4, 5, 17, DisplayName = "units: two vectors and a tail")]
    public void ManagedRecurrence_MatchesFloat64AutogradOverAPerStepLoop(int steps, int batch, int units)
    {
        manual_seed(steps * 1000 + batch * 10 + units);
        using var scope = NewDisposeScope();
        var table = randn(Vocabulary, units);
        var tokenIds = randint(0, Vocabulary, [batch, steps]);
        var weights = randn(units, units) * (0.9 / Math.Sqrt(units));
        AssertMatchesReference(table, tokenIds, weights, randn(batch, units));
    }

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    public void ManagedRecurrence_ReadsNonContiguousInputsByTheirShapes()
    {
        manual_seed(11);
        using var scope = NewDisposeScope();
        var table = randn(8, Vocabulary).t();
        var tokenIds = randint(0, Vocabulary, [10, 6]).t();
        Assert.IsFalse(table.is_contiguous() || tokenIds.is_contiguous());
        AssertMatchesReference(table, tokenIds, randn(8, 8) * 0.3, randn(6, 8));
    }

    [TestMethod]
    public void ManagedRecurrence_RefusesFloat64_NamingWhatItExpects()
    {
        using var scope = NewDisposeScope();
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            TanhRecurrence.apply(randn(5, 4, dtype: ScalarType.Float64), randint(0, 5, [2, 3]), randn(4, 4, dtype: ScalarType.Float64)));
        StringAssert.Contains(error.Message, "Expected a contiguous Float32 CPU tensor, got Float64");
    }

    private static void AssertMatchesReference(Tensor table, Tensor tokenIds, Tensor weights, Tensor projection)
    {
        var (expectedHidden, expectedTableGradient, expectedWeightGradient) = Reference(table, tokenIds, weights, projection);
        var (hidden, tableGradient, weightGradient) = Managed(table, tokenIds, weights, projection);
        AssertClose(expectedHidden, hidden, "last hidden state");
        AssertClose(expectedTableGradient, tableGradient, "input table gradient");
        AssertClose(expectedWeightGradient, weightGradient, "recurrent weight gradient");
    }

    private static (Tensor Hidden, Tensor TableGradient, Tensor WeightGradient) Managed(Tensor table, Tensor tokenIds, Tensor weights, Tensor projection)
    {
        var x = table.detach().requires_grad_(true);
        var w = weights.detach().requires_grad_(true);
        var hidden = TanhRecurrence.apply(x, tokenIds, w);
        (hidden * projection).sum().backward();
        return (hidden.detach(), x.grad!, w.grad!);
    }

    private static (Tensor Hidden, Tensor TableGradient, Tensor WeightGradient) Reference(Tensor table, Tensor tokenIds, Tensor weights, Tensor projection)
    {
        var x = table.to_type(ScalarType.Float64).detach().requires_grad_(true);
        var w = weights.to_type(ScalarType.Float64).detach().requires_grad_(true);
        var hidden = zeros(tokenIds.shape[0], table.shape[1], dtype: ScalarType.Float64);
        for (var t = 0; t < tokenIds.shape[1]; t++)
            hidden = (x.index_select(0, tokenIds.select(1, t)) + hidden.mm(w.t())).tanh();
        (hidden * projection.to_type(ScalarType.Float64)).sum().backward();
        return (hidden.detach(), x.grad!, w.grad!);
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        CollectionAssert.AreEqual(expected.shape, actual.shape, what);
        Assert.AreEqual(ScalarType.Float32, actual.dtype, what);
        var worst = (actual.to_type(ScalarType.Float64) - expected).abs().max().item<double>();
        var scale = Math.Max(1, expected.abs().max().item<double>());
        Assert.IsLessThan(Tolerance * scale, worst, $"{what}: largest difference {worst:G3} (largest value {scale:G3})");
    }
}
