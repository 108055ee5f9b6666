using ImdbSentiment.Training.Networks;
using Microsoft.ML;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// The unlabelled reviews labelled with the partner's probabilities for both fused networks: every one joins the
/// network's training reviews (a teacher's knowledge passed on through text it has no labels for), and the confident
/// ones (<see cref="PartnerConfidence"/>) join the partner's own, which trains again on them (self-training).
/// </summary>
internal static class PseudoLabels
{
    /// <summary>
    /// The partner's probability at or above which (or at or below 1 minus it) an unlabelled review joins the partner's
    /// training reviews: its retraining, naive-Bayes ratios included, takes its confident labels only.
    /// </summary>
    public const float PartnerConfidence = 0.9f;

    /// <returns>The partner's training reviews and the network's, each with the unlabelled reviews it learns from; the caller owns both.</returns>
    public static (SequenceTensors PartnerTraining, SequenceTensors NetworkTraining) Label(
        SentimentNetworkBase partner, SentimentNetworkOptions partnerOptions, NetworkSettings network, SequenceTensors training, IDataView unlabelledView)
    {
        // Read here and let go once copied into the two training sets, so that no third copy of their ids stays held.
        using var unlabelled = SequenceTensors.FromUnlabelledView(unlabelledView);
        var probabilities = TrainingLoop.Logits(partner, unlabelled, partnerOptions.Fit.EvaluationBatchSize, partnerOptions.Fit.BatchShares)
            .Select(logit => 1 / (1 + MathF.Exp(-logit)))
            .ToArray();
        var confident = Confident(probabilities);
        using var confidentReviews = unlabelled.Subset(confident, tensor(confident.Select(row => probabilities[row]).ToArray()));
        using var labels = tensor(probabilities);
        var partnerTraining = SequenceTensors.Concat(training, confidentReviews);
        try
        {
            // The n-gram ids, which only the partner reads, go unless the network reads them too.
            return (partnerTraining,
                SequenceTensors.Concat(training, unlabelled, labels, withNgramIds: NetworkFamilies.BranchesOf(network).Any(family => family.ReadsNgramIds)));
        }
        catch
        {
            partnerTraining.Dispose();
            throw;
        }
    }

    /// <summary>The rows whose probability is at or beyond <see cref="PartnerConfidence"/> either way, in order.</summary>
    public static long[] Confident(float[] probabilities) =>
        [.. Enumerable.Range(0, probabilities.Length).Where(i => probabilities[i] >= PartnerConfidence || probabilities[i] <= 1 - PartnerConfidence).Select(i => (long)i)];
}
