using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

[TestClass]
public sealed class DropoutMasksTests
{
    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    [DataRow(0.5)]
    [DataRow(0.9)]
    [DataRow(0.25)]
    public void Mask_KeepsEachValueWithTheProbability_AtTheKeptValue(double keep)
    {
        using var like = zeros(200, 501);
        var masks = Seeded(3);
        var kept = (float)(1 / keep);

        var values = masks.Draw(like, keep, kept, share: 0).data<float>().ToArray();

        CollectionAssert.AreEqual(new long[] { 200, 501 }, masks.Draw(like, keep, kept, share: 0).shape);
        Assert.IsTrue(values.All(value => value == 0 || value == kept), "every element is 0 or the kept value");
        // 100,200 draws: the kept share's standard deviation is at most 0.0016.
        var share = values.Count(value => value != 0) / (double)values.Length;
        Assert.AreEqual(keep, share, 0.01);
    }

    // The seed comes from torch's process-wide generator, which parallel tests would draw from meanwhile.
    [TestMethod]
    [DoNotParallelize]
    public void Masks_AreTheSameForTheSameGlobalSeed_AndDifferPerShareAndDraw()
    {
        using var like = zeros(64, 33);
        var first = Seeded(7);
        var second = Seeded(7);
        var share0 = first.Draw(like, 0.5, 2, share: 0).data<float>().ToArray();
        var share1 = first.Draw(like, 0.5, 2, share: 1).data<float>().ToArray();
        // The second network draws its shares in the other order: each share's stream is its own.
        var again1 = second.Draw(like, 0.5, 2, share: 1).data<float>().ToArray();
        var again0 = second.Draw(like, 0.5, 2, share: 0).data<float>().ToArray();

        CollectionAssert.AreEqual(share0, again0);
        CollectionAssert.AreEqual(share1, again1);
        CollectionAssert.AreNotEqual(share0, share1);
        CollectionAssert.AreNotEqual(share0, first.Draw(like, 0.5, 2, share: 0).data<float>().ToArray(), "the next draw is a new mask");
        CollectionAssert.AreNotEqual(share0, Seeded(8).Draw(like, 0.5, 2, share: 0).data<float>().ToArray());
    }

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    public void KeepingEverything_KeepsEveryValue_AndNothingIsRefused()
    {
        using var like = zeros(3, 7);
        Assert.IsTrue(Seeded(1).Draw(like, 1, 1, share: 0).data<float>().ToArray().All(value => value == 1));
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Seeded(1).Draw(like, 0, 1, share: 0));
        StringAssert.Contains(error.Message, "The probability of keeping a value must be above 0 and at most 1.");
    }

    private static DropoutMasks Seeded(long seed)
    {
        manual_seed(seed);
        return new DropoutMasks();
    }
}
