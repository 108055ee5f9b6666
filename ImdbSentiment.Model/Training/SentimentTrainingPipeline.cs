using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Rnn;
using ImdbSentiment.Model.Text;
using Microsoft.ML;

namespace ImdbSentiment.Model.Training;

/// <summary>
/// The whole training job: split (unless a validation set is given), fit the featurizer on the training split only,
/// train the recurrent network, and chain featurizer and network into the one transformer that is saved.
/// </summary>
public sealed class SentimentTrainingPipeline(MLContext mlContext, SentimentTrainingOptions options, ITrainingMonitor? monitor = null)
{
    public TrainedPipeline Train(IReadOnlyList<LabeledReview> reviews, IReadOnlyList<LabeledReview>? validationReviews = null, CancellationToken cancellation = default)
    {
        var data = mlContext.Data.LoadFromEnumerable(reviews);
        var (training, validation) = validationReviews is null
            ? TrainValidationSplit.Split(mlContext, data, reviews.Count, options.ValidationFraction, options.Network.Seed)
            : (data, mlContext.Data.LoadFromEnumerable(validationReviews));

        var featurizer = new ReviewFeaturizerEstimator(mlContext, options.Featurizer).Fit(training);
        var featurizedTraining = mlContext.Data.Cache(featurizer.Transform(training));
        var featurizedValidation = mlContext.Data.Cache(featurizer.Transform(validation));
        var network = options.Network with { VocabularySize = options.Featurizer.VocabularySize };
        var trained = new RecurrentSentimentEstimator(mlContext, network, monitor, cancellation).Train(featurizedTraining, featurizedValidation);

        return new TrainedPipeline(
            featurizer.Append(trained.Transformer), data.Schema, trained,
            DataSummary.Compute(featurizedTraining, options.Featurizer.MaxLength),
            validation);
    }
}

/// <summary>A trained pipeline ready to save, with the run's history, the training data summary and the validation split.</summary>
public sealed record TrainedPipeline(
    ITransformer Model, DataViewSchema InputSchema, TrainedSentimentModel Network, DataSummary TrainingSummary, IDataView Validation);
