using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>The managed embedding lookup against torch's index_select of the table's rows: the rows, and the table's gradient with repeated ids.</summary>
[TestClass]
public sealed class EmbeddingLookupTests
{
    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    public void Lookup_MatchesTorchsEmbedding_RowsAndTableGradient()
    {
        manual_seed(11);
        using var scope = NewDisposeScope();
        var table = randn(17, 5).requires_grad_(true);
        var theirs = table.detach().clone().requires_grad_(true);
        // Every id from 0 to 16, several of them many times, in a batch of 3 rows.
        var ids = cat([arange(17, dtype: ScalarType.Int64), randint(0, 17, [3 * 9 - 17], dtype: ScalarType.Int64)]).view(3, 9);
        var weights = randn(3, 9, 5);

        var rows = EmbeddingLookup.apply(table, ids);
        var expected = theirs.index_select(0, ids.view(-1)).view(3, 9, 5);
        (rows * weights).sum().backward();
        (expected * weights).sum().backward();

        Assert.IsTrue(rows.eq(expected.detach()).all().item<bool>(), "the looked-up rows are the table's rows");
        var worst = (table.grad! - theirs.grad!).abs().max().item<float>();
        Assert.IsLessThan(1e-5f, worst, $"the table's gradient: largest difference {worst}");
    }

    [TestMethod]
    public void Lookup_RefusesAnIdOutsideTheTable()
    {
        using var scope = NewDisposeScope();
        var table = randn(4, 3);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => EmbeddingLookup.apply(table, tensor(new long[] { 1, 4 }).view(1, 2)));
        StringAssert.Contains(error.Message, "0 to 3");
    }
}
