using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

[TestClass]
public sealed class LateFusionTests
{
    /// <summary>A small LSTM fused with the n-gram bag, each with Keras's fit (no trials, no refit), so the kept networks are the ones the weights were fitted on.</summary>
    internal static SentimentNetworkOptions FusedOptions() =>
        FeaturizedData.Options(NetworkArchitecture.Lstm).WithOptimizer(optimizer => optimizer with { Algorithm = NetworkOptimizer.Adam }) with
        {
            FusedWith = FeaturizedData.Options(NetworkArchitecture.None).WithNetwork(network => network with { NgramBranch = true })
                .WithOptimizer(optimizer => optimizer with { Algorithm = NetworkOptimizer.Adam }),
        };

    private static readonly Lazy<FeaturizedData> Data = new(() => new FeaturizedData(800, seed: 5, ngramLength: 2));

    [TestMethod]
    public void FusedLogit_IsTheFittedWeightingOfTheTwoNetworks_AndScoresAsTheFitSaid()
    {
        var data = Data.Value;
        var trained = new SentimentNetworkTrainer(data.MLContext, FusedOptions()).Train(data.Featurized, data.Featurized);
        (trained.Transformer as IDisposable)?.Dispose();
        using var fused = (JointSentimentNetwork)trained.Network;
        var fusion = trained.Result.Fusion ?? throw new AssertFailedException("a fused fit reports its fusion");
        using var tensors = SequenceTensors.FromDataView(data.Featurized);
        fused.eval();
        using var noGrad = no_grad();
        var batch = tensors.Range(0, tensors.Count);
        var logits = fused.call(batch).data<float>().ToArray();
        var partner = fused.Branches[0].call(batch).data<float>().ToArray();
        var network = fused.Branches[1].call(batch).data<float>().ToArray();

        Assert.IsInstanceOfType<NgramBagNetwork>(fused.Branches[0]);
        Assert.IsInstanceOfType<GatedSentimentNetwork>(fused.Branches[1]);
        for (var i = 0; i < logits.Length; i++)
            Assert.AreEqual(fusion.PartnerWeight * partner[i] + fusion.NetworkWeight * network[i] + fusion.Bias, logits[i], 1e-4);
        var labels = tensors.Labels.data<float>().ToArray();
        Assert.AreEqual(fusion.ValidationAccuracy, LateFusion.Accuracy(logits, labels), 1e-9);
        Assert.AreEqual(fusion.PartnerValidationAccuracy, LateFusion.Accuracy(partner, labels), 1e-9);
        Assert.AreEqual(fusion.NetworkValidationAccuracy, LateFusion.Accuracy(network, labels), 1e-9);
        Assert.IsTrue(fusion.PartnerWeight > 0 && fusion.NetworkWeight > 0, $"both networks should count: {fusion}");
        Assert.IsNotNull(fusion.Partner);
        Assert.AreEqual(0, fusion.PseudoLabelledReviews + fusion.PartnerPseudoLabelledReviews);
    }

    [TestMethod]
    public void UnlabelledReviews_LabelledByThePartner_TeachTheNetworkWhatFewLabelsCannot_AndThePartnerItsConfidentOnes()
    {
        var labelled = new FeaturizedData(60, seed: 6, ngramLength: 2);
        var unlabelled = labelled.Featurizer.Transform(labelled.MLContext.Data.LoadFromEnumerable(SyntheticReviews.Create(1500, seed: 7)));
        var heldOut = labelled.Featurizer.Transform(labelled.MLContext.Data.LoadFromEnumerable(SyntheticReviews.Create(400, seed: 8)));
        var fused = FusedOptions().WithFit(fit => fit with { Epochs = 5 });
        // A partner that learns fast enough to label some reviews with a probability past PseudoLabels.PartnerConfidence.
        var options = fused with { FusedWith = fused.FusedWith!.WithFit(fit => fit with { Epochs = 20 }).WithOptimizer(optimizer => optimizer with { NgramLearningRate = 0.2 }) };

        var alone = new SentimentNetworkTrainer(labelled.MLContext, options).Train(labelled.Featurized, heldOut);
        var taught = new SentimentNetworkTrainer(labelled.MLContext, options.WithFit(fit => fit with { UnlabelledSet = unlabelled })).Train(labelled.Featurized, heldOut);
        using var heldOutTensors = SequenceTensors.FromDataView(heldOut);
        var partnerLogits = new[] { alone, taught }.Select(model =>
        {
            var partner = ((JointSentimentNetwork)model.Network).Branches[0];
            partner.eval();
            using var noGrad = no_grad();
            return partner.call(heldOutTensors.Range(0, heldOutTensors.Count)).data<float>().ToArray();
        }).ToArray();
        foreach (var model in new[] { alone, taught })
        {
            (model.Transformer as IDisposable)?.Dispose();
            model.Network.Dispose();
        }

        var (before, after) = (alone.Result.Fusion!, taught.Result.Fusion!);
        CollectionAssert.AreNotEqual(partnerLogits[0], partnerLogits[1], "the partner trained again, on its own confident labels too");
        Assert.AreEqual(0, before.PseudoLabelledReviews + before.PartnerPseudoLabelledReviews);
        Assert.AreEqual(1500, after.PseudoLabelledReviews, "the network learns from every unlabelled review");
        Assert.IsTrue(after.PartnerPseudoLabelledReviews is > 0 and < 1500, $"the partner learns from its confident labels only: {after.PartnerPseudoLabelledReviews}");
        Assert.IsGreaterThan(before.NetworkValidationAccuracy + 0.05, after.NetworkValidationAccuracy,
            $"held-out accuracy of the network: {before.NetworkValidationAccuracy:F3} from 60 labels, {after.NetworkValidationAccuracy:F3} with 1,500 pseudo-labels");
    }

    [TestMethod]
    public void ASubsetOfUnlabelledReviews_KeepsEachRowsTokenIdsAndNgramIds_WithTheLabelGivenForIt()
    {
        using var unlabelled = SequenceTensors.FromUnlabelledView(Data.Value.Featurized);
        long[] rows = [7, 2, 30];
        using var subset = unlabelled.Subset(rows, tensor(new[] { 0.95f, 0.05f, 0.99f }));

        CollectionAssert.AreEqual(new[] { 0.95f, 0.05f, 0.99f }, subset.Labels.data<float>().ToArray());
        for (var i = 0; i < rows.Length; i++)
        {
            CollectionAssert.AreEqual(unlabelled.TokenIds[rows[i]].data<int>().ToArray(), subset.TokenIds[i].data<int>().ToArray());
            CollectionAssert.AreEqual(unlabelled.NgramIds![(int)rows[i]], subset.NgramIds![i]);
        }
        using var wrongCount = tensor(new[] { 0.9f, 0.1f });
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => unlabelled.Subset(rows, wrongCount)).Message, "one label a row (3)");
    }

    [TestMethod]
    public void ThePartnersOwnPseudoLabels_AreItsConfidentOnes_EitherWay()
    {
        CollectionAssert.AreEqual(new long[] { 0, 2, 4, 5 }, PseudoLabels.Confident([0.95f, 0.5f, 0.1f, 0.89f, 0.9f, 0.01f, 0.11f]));
    }

    [TestMethod]
    public void UnlabelledReviews_WithoutAPartnerToLabelThem_AreRefusedByName()
    {
        var options = FeaturizedData.Options().WithFit(fit => fit with { UnlabelledSet = Data.Value.Featurized });
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);
        StringAssert.Contains(error.Message, "UnlabelledSet");
    }

    [TestMethod]
    public void APartnerWithAPartnerOfItsOwn_IsRefused()
    {
        var options = FusedOptions() with { FusedWith = FusedOptions() };
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);
        StringAssert.Contains(error.Message, "FusedWith");
    }
}
