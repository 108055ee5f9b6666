using ImdbSentiment.Training.Networks;
using Microsoft.ML;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// Labels the unlabelled reviews for both fused networks with a first fusion: the partner as trained on the labelled
/// reviews, fused with a network trained on them alone (the weights fitted on validation, as the final fusion's). Every
/// unlabelled review, with the teacher's probability, joins the network's training reviews; the confident ones
/// (<see cref="PartnerConfidence"/>) join the partner's. The first network is let go once it has labelled them.
/// </summary>
/// <remarks>
/// Two teachers were measured before this one (docs/accuracy.md, "best"): the partner alone taught the network and
/// left the fusion level with the partner; the first fusion taught the network alone and the fusion stayed short of
/// half a point over it. Teaching the partner too is what moved the fused model.
/// </remarks>
internal static class FusedTeacher
{
    /// <summary>
    /// The teacher's probability at or above which (or at or below 1 minus it) an unlabelled review joins the partner's
    /// training reviews: the naive-Bayes ratios and the bag's weights take the teacher's confident labels only.
    /// </summary>
    public const float PartnerConfidence = 0.9f;

    /// <param name="fitFirst">Trains the teacher's network on the labelled reviews (its early-stopped run).</param>
    /// <param name="fuse">Fits the fusion weights from the partner's and a network's validation logits.</param>
    public static TaughtReviews Teach(
        SentimentNetworkBase partner, SentimentNetworkOptions partnerOptions, SentimentNetworkOptions options,
        Func<SentimentNetworkBase> fitFirst, Func<float[], float[], FusionResult> fuse,
        SequenceTensors training, SequenceTensors validation, IDataView unlabelledView)
    {
        using var first = fitFirst();
        var teacher = fuse(Logits(partner, partnerOptions, validation), Logits(first, options, validation));
        using var unlabelled = SequenceTensors.FromUnlabelledView(unlabelledView);
        var firstLogits = Logits(first, options, unlabelled);
        var probabilities = Logits(partner, partnerOptions, unlabelled)
            .Select((logit, i) => 1 / (1 + MathF.Exp(-(teacher.PartnerWeight * logit + teacher.NetworkWeight * firstLogits[i] + teacher.Bias))))
            .ToArray();
        var confident = Confident(probabilities);
        using var confidentReviews = unlabelled.Subset(confident, tensor(confident.Select(row => probabilities[row]).ToArray()));
        using var labels = tensor(probabilities);
        return new TaughtReviews(
            SequenceTensors.Concat(training, confidentReviews),
            SequenceTensors.Concat(training, unlabelled, labels, withNgramIds: NetworkFamilies.BranchesOf(options.Network).Any(family => family.ReadsNgramIds)),
            teacher);
    }

    /// <summary>The rows whose probability is at or beyond <see cref="PartnerConfidence"/> either way, in order.</summary>
    public static long[] Confident(float[] probabilities) =>
        [.. Enumerable.Range(0, probabilities.Length).Where(i => probabilities[i] >= PartnerConfidence || probabilities[i] <= 1 - PartnerConfidence).Select(i => (long)i)];

    private static float[] Logits(SentimentNetworkBase network, SentimentNetworkOptions options, SequenceTensors data) =>
        TrainingLoop.Logits(network, data, options.Fit.EvaluationBatchSize, options.Fit.BatchShares);
}

/// <summary>
/// The training reviews of each fused network once the teacher has labelled the unlabelled ones
/// (<see cref="FusedTeacher"/>), and the teacher's own fusion.
/// </summary>
internal sealed record TaughtReviews(SequenceTensors PartnerTraining, SequenceTensors NetworkTraining, FusionResult Teacher) : IDisposable
{
    public void Dispose()
    {
        PartnerTraining.Dispose();
        NetworkTraining.Dispose();
    }
}
