using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Training;

/// <summary>
/// The whole training job in two steps. <see cref="Prepare"/> splits (unless a validation set is given), fits the
/// featurizer on the training split only and summarises it; <see cref="Train"/> trains the recurrent network and
/// chains featurizer and network into the one transformer that is saved.
/// </summary>
public sealed class SentimentTrainingPipeline(MLContext mlContext, SentimentTrainingOptions options)
{
    public PreparedData Prepare(IReadOnlyList<LabeledReview> reviews, IReadOnlyList<LabeledReview>? validationReviews = null)
    {
        options.Validate();
        var data = mlContext.Data.LoadFromEnumerable(reviews);
        var (training, validation) = (validationReviews, options.SplitBy) switch
        {
            ({ } given, _) => (data, mlContext.Data.LoadFromEnumerable(given)),
            (null, SplitKind.Group) => GroupSplitViews(reviews),
            _ => TrainValidationSplit.Split(mlContext, data, reviews.Count, options.Trainer.Fit.ValidationFraction, options.Trainer.Fit.SplitSeed),
        };

        var featurizer = new ReviewFeaturizerEstimator(mlContext, options.Featurizer).Fit(training);
        var featurizedTraining = featurizer.Transform(training);
        // The summary reads every review's tokens and keys. A cache keeps each column read through it, so the summary
        // reads the uncached view and the caches hold only what the trainer reads: the token ids and labels.
        var summary = DataSummary.Compute(featurizedTraining, options.Featurizer.MaxLength);
        return new PreparedData(
            data.Schema, featurizer, mlContext.Data.Cache(featurizedTraining), mlContext.Data.Cache(featurizer.Transform(validation)), validation,
            summary, NetworkInputs.FromSchema(featurizedTraining.Schema));
    }

    private (IDataView Training, IDataView Validation) GroupSplitViews(IReadOnlyList<LabeledReview> reviews)
    {
        var (training, validation) = GroupSplit.Split(reviews, options.Trainer.Fit.ValidationFraction, options.Trainer.Fit.SplitSeed);
        return (mlContext.Data.LoadFromEnumerable(training), mlContext.Data.LoadFromEnumerable(validation));
    }

    /// <param name="cancellation">Stops training as <see cref="SentimentNetworkOptions.Cancellation"/> does; either token stops it.</param>
    public TrainedPipeline Train(PreparedData prepared, ITrainingMonitor? monitor = null, CancellationToken cancellation = default)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, options.Trainer.Cancellation);
        var trained = new SentimentNetworkTrainer(mlContext, options.Trainer with { Cancellation = either.Token }, monitor)
            .Train(prepared.FeaturizedTraining, prepared.FeaturizedValidation);
        return new TrainedPipeline(prepared.Featurizer.Append(trained.Transformer), prepared.InputSchema, trained);
    }

    /// <summary>The network's summary over the prepared data's id ranges.</summary>
    public ModelSummary Summarise(PreparedData prepared) => ModelSummary.Describe(options.Trainer.Network, prepared.NetworkInputs, options.Featurizer.MaxLength);
}

/// <summary>The splits after featurization, with the fitted featurizer, the training split's summary and the id ranges it gives the network.</summary>
public sealed record PreparedData(
    DataViewSchema InputSchema, ITransformer Featurizer, IDataView FeaturizedTraining, IDataView FeaturizedValidation,
    IDataView Validation, DataSummary TrainingSummary, NetworkInputs NetworkInputs);

/// <summary>A trained pipeline ready to save (featurizer + network), with the trainer's result: the network and its training run.</summary>
public sealed record TrainedPipeline(ITransformer Model, DataViewSchema InputSchema, TrainedSentimentModel Training);
