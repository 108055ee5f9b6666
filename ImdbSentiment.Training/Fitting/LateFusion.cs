using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.WordVectors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// Two networks trained apart and fused (<see cref="SentimentNetworkOptions.FusedWith"/>): the partner first, then the
/// network, and a logistic regression over the two networks' validation logits gives the fused logit's weights and
/// bias. With unlabelled reviews, the partner labels them (<see cref="PseudoLabels"/>) for the network to train on beside
/// the labelled ones, and trains again on its own confident labels. Each network is then refitted as its own options
/// say. Late fusion of separately trained models is what the record supports (an NBSVM fused with a recurrent model:
/// Mesnil et al. 2014); training them as one network did not help here.
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
        var partnerName = NetworkArchitectureNames.NetworkName(partnerOptions.Network);
        var networkName = NetworkArchitectureNames.NetworkName(options.Network);
        var partnerFit = new NetworkFit(partnerOptions, reporter, PretrainedEmbedding.Load(partnerOptions.Network, featurized, options.Cancellation));
        var embedding = PretrainedEmbedding.Load(options.Network, featurized, options.Cancellation);
        var networkFit = new NetworkFit(options, reporter, embedding);
        var labels = validation.Labels.data<float>().ToArray();

        // The partner trains on its own thread count, the network on its.
        T OnPartnerThreads<T>(Func<T> work)
        {
            set_num_threads(partnerOptions.Fit.Threads);
            try
            {
                return work();
            }
            finally
            {
                set_num_threads(options.Fit.Threads);
            }
        }

        (SentimentNetworkBase, TrainingResult) FitPartner(string description, SequenceTensors reviews)
        {
            monitor?.NetworkStarted(description, partnerOptions.Fit.Epochs, checkpointed: false);
            return OnPartnerThreads(() => partnerFit.EarlyStopped(reviews, validation));
        }

        var (partner, partnerResult) = FitPartner($"the first network ({partnerName})", training);
        // A cancelled partner is kept as it stands (the model saves what training reached), not labelled with and retrained.
        var (partnerTaught, networkTaught) = unlabelled is null || partnerResult.Cancelled
            ? (null, null)
            : PseudoLabels.Label(partner, partnerOptions, options.Network, training, unlabelled);
        using var networkTraining = networkTaught;
        float[] partnerLogits;
        long partnerPseudoLabelled;
        // The partner's whole fit comes first, so that its own training set is let go before the network trains.
        using (var partnerTraining = partnerTaught)
        {
            partnerPseudoLabelled = partnerTraining is null ? 0 : partnerTraining.Count - training.Count;
            if (partnerPseudoLabelled > 0)
            {
                partner.Dispose();
                (partner, partnerResult) = FitPartner(
                    $"the first network ({partnerName}) again, on {partnerTraining!.Count:N0} reviews, {partnerPseudoLabelled:N0} of them labelled by itself", partnerTraining);
            }

            partnerLogits = TrainingLoop.Logits(partner, validation, partnerOptions.Fit.EvaluationBatchSize, partnerOptions.Fit.BatchShares);
            var refitSet = partnerTraining ?? training;
            (partner, partnerResult) = OnPartnerThreads(() => partnerFit.Refitted(partner, partnerResult, refitSet, validation));
        }

        var networkSet = networkTraining ?? training;
        monitor?.NetworkStarted($"the second network ({networkName}){(networkTraining is null ? "" : $", on {networkSet.Count:N0} reviews, {networkSet.Count - training.Count:N0} of them labelled by the first")}",
            options.Fit.Epochs, options.Fit.CheckpointPath is not null);
        if (embedding is not null)
            monitor?.WordVectorsLoaded(embedding.Coverage);
        var (network, result) = networkFit.EarlyStopped(networkSet, validation);
        var fusion = Fuse(partnerLogits, TrainingLoop.Logits(network, validation, options.Fit.EvaluationBatchSize, options.Fit.BatchShares), labels);
        (network, result) = networkFit.Refitted(network, result, networkSet, validation);
        var fused = new JointSentimentNetwork([partner, network], [fusion.PartnerWeight, fusion.NetworkWeight], fusion.Bias);
        return (fused, result with
        {
            Fusion = fusion with
            {
                Partner = partnerResult,
                PartnerPseudoLabelledReviews = partnerPseudoLabelled,
                PseudoLabelledReviews = networkSet.Count - training.Count,
            },
        });
    }

    /// <summary>The fusion of two networks' validation logits (<see cref="FitWeights"/>), with each network's accuracy alone.</summary>
    private FusionResult Fuse(float[] partnerLogits, float[] networkLogits, float[] labels) => FitWeights(partnerLogits, networkLogits, labels) with
    {
        PartnerValidationAccuracy = Accuracy(partnerLogits, labels),
        NetworkValidationAccuracy = Accuracy(networkLogits, labels),
    };

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
