using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>The managed max over each row's real positions against torch's masked_fill(-inf) + amax: values and gradient.</summary>
[TestClass]
public sealed class MaskedMaxPoolingTests
{
    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    public void Pooling_MatchesTorchsMaskedAmax_ValuesAndGradient()
    {
        manual_seed(13);
        using var scope = NewDisposeScope();
        var sequence = randn(4, 7, 6).requires_grad_(true);
        var theirs = sequence.detach().clone().requires_grad_(true);
        var lengths = tensor(new long[] { 7, 1, 3, 5 });
        // Larger values after each row's length, which the pooling must not see.
        using (no_grad())
        {
            var padded = arange(7, dtype: ScalarType.Int64).unsqueeze(0).ge(lengths.unsqueeze(1)).unsqueeze(2);
            sequence.masked_fill_(padded, 100);
            theirs.masked_fill_(padded, 100);
        }

        var pooled = MaskedMaxPooling.apply(sequence, lengths);
        var mask = arange(7, dtype: ScalarType.Int64).unsqueeze(0).ge(lengths.unsqueeze(1)).unsqueeze(2);
        var expected = theirs.masked_fill(mask, float.NegativeInfinity).amax([1]);
        var weights = randn(4, 6);
        (pooled * weights).sum().backward();
        (expected * weights).sum().backward();

        Assert.IsTrue(pooled.eq(expected.detach()).all().item<bool>(), "the maxima over the real positions");
        Assert.IsTrue(sequence.grad!.eq(theirs.grad!).all().item<bool>(), "the gradient reaches each maximum's position, and only it");
    }

    [TestMethod]
    public void Pooling_RefusesALengthBeyondTheSequence()
    {
        using var scope = NewDisposeScope();
        var error = Assert.ThrowsExactly<ArgumentException>(() => MaskedMaxPooling.apply(randn(1, 3, 2), tensor(new long[] { 4 })));
        StringAssert.Contains(error.Message, "1 to 3");
    }
}
