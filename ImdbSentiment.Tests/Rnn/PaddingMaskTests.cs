using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.Onnx;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

[TestClass]
public sealed class PaddingMaskTests
{
    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    [TestMethod]
    public void RealTokens_AreMovedToTheRowStart_WithTheirLengths()
    {
        using var ids = tensor(new long[] { 0, 0, 5, 6, 7, 8, 9, 4, 3, 4, 0, 0, 0, 0, 0, 0 }, [4, 4]);
        var (aligned, lengths) = RealTokens.Align(ids);

        // pre-padded, full, post-padded, padding alone (one step kept).
        CollectionAssert.AreEqual(new long[] { 5, 6, 0, 0, 7, 8, 9, 4, 3, 4, 0, 0, 0, 0, 0, 0 }, aligned.data<long>().ToArray());
        CollectionAssert.AreEqual(new long[] { 2, 4, 2, 1 }, lengths.data<long>().ToArray());
    }

    [TestMethod]
    public void RealTokens_CutTheBatchToItsLongestRow()
    {
        using var ids = tensor(new long[] { 0, 0, 0, 5, 0, 0, 6, 7 }, [2, 4]);
        var (aligned, _) = RealTokens.Align(ids);
        CollectionAssert.AreEqual(new long[] { 2, 2 }, aligned.shape);
    }

    // Networks built outside the estimator draw from torch's process-wide generator (see GatedNetworkTests).
    [TestMethod]
    [DoNotParallelize]
    [DataRow(NetworkArchitecture.Lstm, 1, true, RecurrentPooling.Max)]
    [DataRow(NetworkArchitecture.Lstm, 2, false, RecurrentPooling.Last)]
    [DataRow(NetworkArchitecture.Gru, 2, true, RecurrentPooling.Max)]
    [DataRow(NetworkArchitecture.Gru, 1, true, RecurrentPooling.Last)]
    [DataRow(NetworkArchitecture.Lstm, 1, true, RecurrentPooling.MaxMean)]
    [DataRow(NetworkArchitecture.Gru, 2, false, RecurrentPooling.MaxMean)]
    public void MaskedNetwork_GivesAReviewTheSameLogit_WhateverItsPaddingAndBatch(NetworkArchitecture architecture, int layers, bool bidirectional, RecurrentPooling pooling)
    {
        var cell = architecture == NetworkArchitecture.Lstm ? GatedCell.Lstm : GatedCell.Gru;
        manual_seed(11);
        using var masked = new GatedSentimentNetwork(cell, 30, 8, 6, layers, bidirectional, pooling: pooling);
        manual_seed(11);
        using var unmasked = new GatedSentimentNetwork(cell, 30, 8, 6, layers, bidirectional, pooling: pooling, masksPadding: false);
        masked.eval();
        unmasked.eval();
        var random = new Random(3);
        var reviews = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, random.Next(1, 12)).Select(_ => (long)random.Next(1, 30)).ToArray()).ToArray();
        using var _ = no_grad();

        var alone = reviews.Select(review => Logit(masked, Padded(review, review.Length, SequenceSide.Pre))).ToArray();
        var prePadded = Logits(masked, reviews, 20, SequenceSide.Pre);
        var postPadded = Logits(masked, reviews, 25, SequenceSide.Post);
        var unmaskedAlone = reviews.Select(review => Logit(unmasked, Padded(review, review.Length, SequenceSide.Pre))).ToArray();
        var unmaskedPrePadded = Logits(unmasked, reviews, 20, SequenceSide.Pre);

        for (var i = 0; i < reviews.Length; i++)
        {
            Assert.AreEqual(alone[i], prePadded[i], 1e-5, $"review {i}, pre-padded in a batch");
            Assert.AreEqual(alone[i], postPadded[i], 1e-5, $"review {i}, post-padded in a batch");
            // Unpadded, the two networks are the same function.
            Assert.AreEqual(alone[i], unmaskedAlone[i], 1e-5, $"review {i}, unpadded");
        }
        Assert.IsTrue(unmaskedAlone.Zip(unmaskedPrePadded).Any(pair => Math.Abs(pair.First - pair.Second) > 1e-4), "padding should change the unmasked network's logits");
    }

    [TestMethod]
    [DataRow(true, false, DisplayName = "masked, alone")]
    [DataRow(true, true, DisplayName = "masked, fused with an n-gram bag")]
    [DataRow(false, false, DisplayName = "unmasked, alone")]
    [DataRow(false, true, DisplayName = "unmasked, fused with an n-gram bag")]
    public void ExportedGraph_SaysItIgnoresTokenPadding_OnlyWhenItsRecurrentBranchMasksIt(bool masksPadding, bool fused)
    {
        SentimentNetworkBase network = new GatedSentimentNetwork(GatedCell.Lstm, 30, 8, 6, 1, bidirectional: true, pooling: RecurrentPooling.MaxMean, masksPadding: masksPadding);
        if (fused)
            network = new JointSentimentNetwork([new NgramBagNetwork(40), network], [0.6f, 0.5f], -0.1f);
        using var _ = network;

        var graph = Onnx.ModelProto.Parser.ParseFrom(SentimentNetworkExporter.Export(network));

        var entries = graph.MetadataProps.Where(entry => entry.Key == NetworkGraphNames.IgnoresTokenPaddingMetadata).Select(entry => entry.Value).ToArray();
        CollectionAssert.AreEqual(masksPadding ? new[] { "true" } : Array.Empty<string>(), entries);
    }

    [TestMethod]
    public void LengthBuckets_CoverEveryRowOnce_InBatchesOfSimilarLengths()
    {
        var random = new Random(5);
        var lengths = Enumerable.Range(0, 1000).Select(_ => (long)random.Next(1, 401)).ToArray();
        var order = Enumerable.Range(0, 1000).Select(row => (long)row).OrderBy(_ => random.Next()).ToArray();
        using var shuffler = new Generator(1);

        var batches = LengthBuckets.Batches(order, lengths, 10, shuffler);
        var again = LengthBuckets.Batches(order, lengths, 10, new Generator(1));

        CollectionAssert.AreEquivalent(order, batches.SelectMany(batch => batch).ToArray());
        Assert.IsTrue(batches.Zip(again).All(pair => pair.First.SequenceEqual(pair.Second)), "the same seed gives the same batches");
        // Unbucketed, a batch of 10 of 1..400 would span ~300 tokens; a window of 320 sorted rows leaves a few.
        var meanSpread = batches.Average(batch => batch.Max(row => lengths[row]) - batch.Min(row => lengths[row]));
        Assert.IsLessThan(30, meanSpread);
        Assert.IsFalse(batches.Zip(batches.Skip(1)).All(pair => lengths[pair.First[0]] <= lengths[pair.Second[0]]), "batches should not run from short to long");
    }

    [TestMethod]
    public void EvaluationBatches_AreSortedByLength_AndNoLargerThanEvaluationRows()
    {
        var random = new Random(6);
        var lengths = Enumerable.Range(0, 1000).Select(_ => (long)random.Next(1, 401)).ToArray();

        var large = LengthBuckets.ByLength(lengths, 1000);
        var small = LengthBuckets.ByLength(lengths, 50);

        Assert.AreEqual((1000 + LengthBuckets.EvaluationRows - 1) / LengthBuckets.EvaluationRows, large.Length);
        Assert.IsTrue(large.All(batch => batch.Length <= LengthBuckets.EvaluationRows), "a 1,000-row request is cut to EvaluationRows");
        Assert.AreEqual(20, small.Length, "a request below EvaluationRows keeps its size");
        var rows = large.SelectMany(batch => batch).ToArray();
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 1000).Select(row => (long)row).ToArray(), rows);
        Assert.IsTrue(rows.Zip(rows.Skip(1)).All(pair => lengths[pair.First] <= lengths[pair.Second]), "rows run from short to long");
    }

    private static double[] Logits(GatedSentimentNetwork network, long[][] reviews, int length, SequenceSide side)
    {
        using var ids = cat(reviews.Select(review => Padded(review, length, side)).ToArray());
        return network.call(new FeatureBatch(ids, null)).data<float>().ToArray().Select(value => (double)value).ToArray();
    }

    private static double Logit(GatedSentimentNetwork network, Tensor ids)
    {
        using (ids)
            return network.call(new FeatureBatch(ids, null)).item<float>();
    }

    private static Tensor Padded(long[] review, int length, SequenceSide side)
    {
        var row = new long[length];
        review.CopyTo(row, side == SequenceSide.Pre ? length - review.Length : 0);
        return tensor(row, [1, length]);
    }
}
