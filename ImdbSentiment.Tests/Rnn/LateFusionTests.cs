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
        Assert.AreEqual(0, fusion.PseudoLabelledReviews);
    }

    [TestMethod]
    public void UnlabelledReviews_LabelledByTheFusionOfTheLabelledOnlyNetworks_TeachBothWhatFewLabelsCannot()
    {
        var labelled = new FeaturizedData(60, seed: 6, ngramLength: 2);
        var unlabelled = labelled.Featurizer.Transform(labelled.MLContext.Data.LoadFromEnumerable(SyntheticReviews.Create(1500, seed: 7)));
        var heldOut = labelled.Featurizer.Transform(labelled.MLContext.Data.LoadFromEnumerable(SyntheticReviews.Create(400, seed: 8)));
        var options = FusedOptions().WithFit(fit => fit with { Epochs = 5 });

        var alone = new SentimentNetworkTrainer(labelled.MLContext, options).Train(labelled.Featurized, heldOut);
        var taught = new SentimentNetworkTrainer(labelled.MLContext, options.WithFit(fit => fit with { UnlabelledSet = unlabelled })).Train(labelled.Featurized, heldOut);
        foreach (var model in new[] { alone, taught })
        {
            (model.Transformer as IDisposable)?.Dispose();
            model.Network.Dispose();
        }

        var (before, after) = (alone.Result.Fusion!, taught.Result.Fusion!);
        var teacher = after.Teacher ?? throw new AssertFailedException("a fit with unlabelled reviews reports its teacher");
        Assert.IsNull(before.Teacher);
        Assert.AreEqual(before.PartnerWeight, teacher.PartnerWeight, 1e-6, "the teacher is the fusion of the two networks trained on the labelled reviews alone");
        Assert.AreEqual(before.NetworkWeight, teacher.NetworkWeight, 1e-6);
        Assert.AreEqual(before.ValidationAccuracy, teacher.ValidationAccuracy, 1e-9);
        Assert.AreEqual(1500, after.PseudoLabelledReviews, "the network learns from every unlabelled review");
        Assert.IsTrue(after.PartnerPseudoLabelledReviews is > 0 and < 1500, $"the partner learns from the confidently labelled ones only: {after.PartnerPseudoLabelledReviews}");
        Assert.IsGreaterThan(before.NetworkValidationAccuracy + 0.05, after.NetworkValidationAccuracy,
            $"held-out accuracy of the network: {before.NetworkValidationAccuracy:F3} from 60 labels, {after.NetworkValidationAccuracy:F3} with 1,500 pseudo-labels");
        Assert.IsGreaterThan(before.PartnerValidationAccuracy, after.PartnerValidationAccuracy,
            $"held-out accuracy of the partner: {before.PartnerValidationAccuracy:F3} from 60 labels, {after.PartnerValidationAccuracy:F3} with {after.PartnerPseudoLabelledReviews:N0} pseudo-labels");
    }

    [TestMethod]
    public void ThePartnersPseudoLabels_AreTheTeachersConfidentOnes_EitherWay()
    {
        CollectionAssert.AreEqual(new long[] { 0, 2, 4, 5 }, FusedTeacher.Confident([0.95f, 0.5f, 0.1f, 0.89f, 0.9f, 0.01f, 0.11f]));
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
