using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.WordVectors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// Two networks trained apart and fused (<see cref="SentimentNetworkOptions.FusedWith"/>): the partner first; its
/// probabilities then label the unlabelled reviews, when there are any, for the network to train on beside the labelled
/// ones; and a logistic regression over the two networks' validation logits gives the fused logit's weights and bias.
/// Each network is then refitted as its own options say. Late fusion of separately trained models is what the record
/// supports (an NBSVM fused with a recurrent model: Mesnil et al. 2014); training them as one network did not help here.
/// </summary>
internal sealed class LateFusion(MLContext mlContext, SentimentNetworkOptions options, EpochReporter reporter, ITrainingMonitor? monitor)
{
    public (SentimentNetworkBase Network, TrainingResult Result) Train(
        SequenceTensors training, SequenceTensors validation, IDataView? unlabelled, DataViewSchema featurized)
    {
        var partnerOptions = options.FusedWith! with
        {
            Seed = options.Seed, Progress = options.Progress, Cancellation = options.Cancellation,
            Fit = options.FusedWith.Fit with { CheckpointPath = null },
        };
        set_num_threads(partnerOptions.Fit.Threads);
        monitor?.NetworkStarted($"the first network ({NetworkArchitectureNames.NetworkName(partnerOptions.Network)})", partnerOptions.Fit.Epochs, checkpointed: false);
        var partnerFit = new NetworkFit(partnerOptions, reporter, PretrainedEmbedding.Load(partnerOptions.Network, featurized, options.Cancellation));
        var (partner, partnerResult) = partnerFit.EarlyStopped(training, validation);

        set_num_threads(options.Fit.Threads);
        using var pseudoLabelled = unlabelled is null ? null : WithPseudoLabels(partner, partnerOptions, options.Network, training, unlabelled);
        monitor?.NetworkStarted($"the second network ({NetworkArchitectureNames.NetworkName(options.Network)}){(pseudoLabelled is null ? "" : $", on {pseudoLabelled.Count:N0} reviews, {pseudoLabelled.Count - training.Count:N0} of them labelled by the first")}",
            options.Fit.Epochs, options.Fit.CheckpointPath is not null);
        var embedding = PretrainedEmbedding.Load(options.Network, featurized, options.Cancellation);
        if (embedding is not null)
            monitor?.WordVectorsLoaded(embedding.Coverage);
        var networkFit = new NetworkFit(options, reporter, embedding);
        var (network, result) = networkFit.EarlyStopped(pseudoLabelled ?? training, validation);

        var partnerLogits = TrainingLoop.Logits(partner, validation, partnerOptions.Fit.EvaluationBatchSize, partnerOptions.Fit.BatchShares);
        var networkLogits = TrainingLoop.Logits(network, validation, options.Fit.EvaluationBatchSize, options.Fit.BatchShares);
        var labels = validation.Labels.data<float>().ToArray();
        var fusion = FitWeights(partnerLogits, networkLogits, labels);

        (partner, partnerResult) = partnerFit.Refitted(partner, partnerResult, training, validation);
        (network, result) = networkFit.Refitted(network, result, pseudoLabelled ?? training, validation);
        var fused = new JointSentimentNetwork([partner, network], [fusion.PartnerWeight, fusion.NetworkWeight], fusion.Bias);
        return (fused, result with
        {
            Fusion = fusion with
            {
                Partner = partnerResult,
                PseudoLabelledReviews = pseudoLabelled is null ? 0 : pseudoLabelled.Count - training.Count,
                PartnerValidationAccuracy = Accuracy(partnerLogits, labels),
                NetworkValidationAccuracy = Accuracy(networkLogits, labels),
            },
        });
    }

    /// <summary>
    /// The training reviews, then the unlabelled ones labelled with the partner's probabilities, for the network to
    /// train on. The unlabelled reviews are read here and let go once copied, so their ids are held once, not beside
    /// their copy for the rest of training; their n-gram ids, which only the partner read, go too unless the network reads them.
    /// </summary>
    private static SequenceTensors WithPseudoLabels(
        SentimentNetworkBase partner, SentimentNetworkOptions partnerOptions, NetworkSettings network, SequenceTensors training, IDataView unlabelledView)
    {
        using var unlabelled = SequenceTensors.FromUnlabelledView(unlabelledView);
        var logits = TrainingLoop.Logits(partner, unlabelled, partnerOptions.Fit.EvaluationBatchSize, partnerOptions.Fit.BatchShares);
        using var probabilities = tensor(logits).sigmoid_();
        return SequenceTensors.Concat(training, unlabelled, probabilities, withNgramIds: NetworkFamilies.BranchesOf(network).Any(family => family.ReadsNgramIds));
    }

    /// <summary>Logistic regression (ML.NET's L-BFGS, no regularisation to speak of) of the labels on the two logits.</summary>
    private FusionResult FitWeights(float[] partnerLogits, float[] networkLogits, float[] labels)
    {
        var rows = labels.Select((label, i) => new FusionRow { Logits = [partnerLogits[i], networkLogits[i]], Label = label > 0.5f });
        var trainer = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            FeatureColumnName = nameof(FusionRow.Logits), LabelColumnName = nameof(FusionRow.Label),
            L1Regularization = 0, L2Regularization = 1e-6f, OptimizationTolerance = 1e-8f,
        });
        var linear = trainer.Fit(mlContext.Data.LoadFromEnumerable(rows)).Model.SubModel;
        var weights = linear.Weights.ToArray();
        var fusedLogits = labels.Select((_, i) => weights[0] * partnerLogits[i] + weights[1] * networkLogits[i] + linear.Bias).ToArray();
        return new FusionResult(weights[0], weights[1], linear.Bias, Accuracy(fusedLogits, labels));
    }

    /// <summary>The share of rows whose logit is on their label's side of 0 (a label counts by its side of 0.5).</summary>
    internal static double Accuracy(float[] logits, float[] labels) => labels.Where((label, i) => logits[i] > 0 == label > 0.5f).Count() / (double)labels.Length;

    private sealed class FusionRow
    {
        [VectorType(2)]
        public float[] Logits { get; set; } = [];

        public bool Label { get; set; }
    }
}
