using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Training;

/// <summary>
/// The whole training job in two steps. <see cref="Prepare"/> splits (unless a validation set is given), fits the
/// featurizer on the training split only, featurizes any unlabelled reviews with it and summarises the training split;
/// the featurized views are not cached: the trainer reads each once, into tensors, and a cache would hold every
/// review's ids a second time;
/// <see cref="Train"/> trains the network (or the fused pair) and chains featurizer and network into the one
/// transformer that is saved.
/// </summary>
public sealed class SentimentTrainingPipeline(MLContext mlContext, SentimentTrainingOptions options)
{
    /// <param name="unlabelledReviews">
    /// Review texts without labels, for a fused recipe whose partner labels them for both networks (<see cref="FitSettings.UnlabelledSet"/>).
    /// </param>
    public PreparedData Prepare(
        IReadOnlyList<LabeledReview> reviews, IReadOnlyList<LabeledReview>? validationReviews = null, IReadOnlyList<string>? unlabelledReviews = null)
    {
        options.Validate();
        if (unlabelledReviews is not null && options.Trainer.FusedWith is null)
            throw new ArgumentException("Unlabelled reviews are learnt from through a fused recipe's partner, which labels them: this recipe has no partner (FusedWith).", nameof(unlabelledReviews));
        var data = mlContext.Data.LoadFromEnumerable(reviews);
        var (training, validation) = (validationReviews, options.SplitBy) switch
        {
            ({ } given, _) => (data, mlContext.Data.LoadFromEnumerable(given)),
            (null, SplitKind.Group) => GroupSplitViews(reviews),
            _ => TrainValidationSplit.Split(mlContext, data, reviews.Count, options.Trainer.Fit.ValidationFraction, options.Trainer.Fit.SplitSeed),
        };

        var featurizer = new ReviewFeaturizerEstimator(mlContext, options.Featurizer).Fit(training);
        var featurizedTraining = featurizer.Transform(training);
        var summary = DataSummary.Compute(featurizedTraining, options.Featurizer.MaxLength);
        var unlabelled = unlabelledReviews is null
            ? null
            : featurizer.Transform(mlContext.Data.LoadFromEnumerable(unlabelledReviews.Select(text => new LabeledReview { Text = text })));
        return new PreparedData(
            data.Schema, featurizer, featurizedTraining, featurizer.Transform(validation), validation,
            summary, NetworkInputs.FromSchema(featurizedTraining.Schema))
        {
            FeaturizedUnlabelled = unlabelled,
        };
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
        var trainer = options.Trainer.WithFit(fit => fit with { UnlabelledSet = prepared.FeaturizedUnlabelled }) with { Cancellation = either.Token };
        var trained = new SentimentNetworkTrainer(mlContext, trainer, monitor).Train(prepared.FeaturizedTraining, prepared.FeaturizedValidation);
        return new TrainedPipeline(prepared.Featurizer.Append(trained.Transformer), prepared.InputSchema, trained);
    }

    /// <summary>The network's summary over the prepared data's id ranges.</summary>
    public ModelSummary Summarise(PreparedData prepared) => ModelSummary.Describe(options.Trainer, prepared.NetworkInputs, options.Featurizer.MaxLength);
}

/// <summary>The splits after featurization, with the fitted featurizer, the training split's summary and the id ranges it gives the network.</summary>
public sealed record PreparedData(
    DataViewSchema InputSchema, ITransformer Featurizer, IDataView FeaturizedTraining, IDataView FeaturizedValidation,
    IDataView Validation, DataSummary TrainingSummary, NetworkInputs NetworkInputs)
{
    /// <summary>The unlabelled reviews, featurized; null for none.</summary>
    public IDataView? FeaturizedUnlabelled { get; init; }
}

/// <summary>A trained pipeline ready to save (featurizer + network), with the trainer's result: the network and its training run.</summary>
public sealed record TrainedPipeline(ITransformer Model, DataViewSchema InputSchema, TrainedSentimentModel Training);
