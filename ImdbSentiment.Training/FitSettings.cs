using System.Text.Json.Serialization;
using Microsoft.ML;
using static ImdbSentiment.Training.SentimentNetworkOptions;

namespace ImdbSentiment.Training;

/// <summary>
/// How training runs (Keras: <c>fit(epochs, batch_size, validation_split or validation_data)</c> with an
/// <c>EarlyStopping(patience, min_delta, start_from_epoch, restore_best_weights=True)</c> callback), plus this
/// trainer's two guards and its runtime settings. The defaults are the Keras recipe's with both guards on (the
/// initialisation guard and the refit), as the command line's book recipes run it; <see cref="KerasExact"/> turns them off.
/// </summary>
public sealed record FitSettings
{
    public int Epochs { get; init; } = 100;

    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// Featurized reviews to stop early on (the same fitted featurizer's output, as ML.NET's trainers take a
    /// validation set). Null: Fit holds out <see cref="ValidationFraction"/> of its input instead, after the
    /// featurizer was fitted on all of it; give a validation set to keep those reviews out of the vocabulary too.
    /// </summary>
    [JsonIgnore]
    public IDataView? ValidationSet { get; init; }

    /// <summary>
    /// Featurized reviews without labels (the same fitted featurizer's output; a label column, if any, is ignored) that
    /// the fused partner (<see cref="SentimentNetworkOptions.FusedWith"/>) labels with its probabilities, for this network to
    /// train on beside the labelled reviews and the partner to train again on its confident ones: pseudo-labels, a
    /// teacher's knowledge passed on through unlabelled text. Null for none.
    /// </summary>
    [JsonIgnore]
    public IDataView? UnlabelledSet { get; init; }

    /// <summary>The share held out for validation when no <see cref="ValidationSet"/> is given (Keras's validation_split).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Seeds the held-out share alone, so changing the network's seed trains on the same split.</summary>
    public int SplitSeed { get; init; } = 42;

    /// <summary>Epochs without a validation-loss improvement before training stops (Keras EarlyStopping patience).</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Smallest validation-loss decrease that counts as an improvement (Keras min_delta).</summary>
    public double MinDelta { get; init; }

    /// <summary>Epochs (1-based count) before early stopping may fire (Keras start_from_epoch); 0 keeps Keras's default.</summary>
    public int StartFromEpoch { get; init; }

    /// <summary>
    /// A guard against a poor initialisation: with N > 1, seeds Seed, Seed+1, ... Seed+N-1 each train for
    /// <see cref="TrialEpochs"/> epochs, and the whole recipe then runs from the seed whose validation loss was lowest
    /// (a trial whose loss is not a number has failed). It costs N x TrialEpochs extra epochs. 1 is Keras's semantics.
    /// </summary>
    public int InitializationTrials { get; init; } = 3;

    public int TrialEpochs { get; init; } = 10;

    /// <summary>
    /// Once early stopping has chosen the best epoch count E, train a fresh network (same seed) for E epochs on the
    /// training and validation reviews together and keep it: every labelled review then counts, as the peers that need
    /// no validation set (e.g. NBSVM) train on all of them. Validation figures come from the early-stopping run.
    /// </summary>
    public bool RefitOnAllData { get; init; } = true;

    /// <summary>Where the best weights are written (TorchSharp state) whenever validation loss improves; null for none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>
    /// Rows a validation forward pass takes at once; only memory and speed depend on it. A network that masks padding
    /// takes length-sorted batches of at most <see cref="Fitting.LengthBuckets.EvaluationRows"/>.
    /// </summary>
    public int EvaluationBatchSize { get; init; } = 1000;

    /// <summary>
    /// libtorch's intra-op threads for training (a process-wide setting). One is fastest for the recipe's tiny
    /// matrices, where splitting work costs more than it saves; larger networks may gain from more.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Threads that each compute a share of every training batch's gradient, summed in share order: the batch's
    /// gradient up to float rounding, on more cores. Each share draws its own dropout masks, so 2 trains a different
    /// (and as reproducible) run than 1. 1 computes each batch in one pass. The validation pass runs its batches on as
    /// many threads, with the same result as on one.
    /// </summary>
    public int BatchShares { get; init; } = 1;

    /// <summary>
    /// Exactly Keras's <c>fit</c>: no initialisation guard and no refit. Some seeds of the embedding recipe then never
    /// leave a poor solution (validation accuracy near chance or 0.65 for as long as they train).
    /// </summary>
    public static FitSettings KerasExact { get; } = new FitSettings().WithoutGuards();

    /// <summary>These settings with both guards off (<see cref="InitializationTrials"/> 1, no refit), as <see cref="KerasExact"/> has them.</summary>
    public FitSettings WithoutGuards() => this with { InitializationTrials = 1, RefitOnAllData = false };

    /// <summary>
    /// Ceilings, checked before any data is read: epochs far beyond what early stopping ever runs (the Keras recipe's 100
    /// stop near 35), a batch larger than aclImdb's training split, trials and shares that each cost a run or a thread.
    /// </summary>
    public const int MostEpochs = 10_000, MostBatchSize = 65_536, MostInitializationTrials = 100, MostBatchShares = 64;

    public void Validate()
    {
        Require(Epochs >= 1, nameof(Epochs), "at least 1");
        Require(BatchSize >= 1, nameof(BatchSize), "at least 1");
        Require(ValidationFraction is > 0 and < 1, nameof(ValidationFraction), "above 0 and below 1");
        Require(Patience >= 0, nameof(Patience), "0 or more");
        Require(MinDelta >= 0 && double.IsFinite(MinDelta), nameof(MinDelta), "0 or a finite positive number");
        Require(StartFromEpoch >= 0, nameof(StartFromEpoch), "0 or more");
        Require(InitializationTrials >= 1, nameof(InitializationTrials), "at least 1");
        Require(TrialEpochs >= 1, nameof(TrialEpochs), "at least 1");
        Require(EvaluationBatchSize >= 1, nameof(EvaluationBatchSize), "at least 1");
        Require(Threads >= 1, nameof(Threads), "at least 1");
        Require(BatchShares >= 1, nameof(BatchShares), "at least 1");
        const string epochsWhy = "more epochs than any run needs (early stopping ends the Keras recipe's 100 near epoch 35), so a larger value is taken for a typo";
        RequireAtMost(Epochs, MostEpochs, nameof(Epochs), epochsWhy);
        RequireAtMost(Patience, MostEpochs, nameof(Patience), epochsWhy);
        RequireAtMost(StartFromEpoch, MostEpochs, nameof(StartFromEpoch), epochsWhy);
        RequireAtMost(TrialEpochs, MostEpochs, nameof(TrialEpochs), epochsWhy);
        RequireAtMost(BatchSize, MostBatchSize, nameof(BatchSize), "a batch's activations are held in memory at once, and this is more reviews than aclImdb's training split holds");
        RequireAtMost(EvaluationBatchSize, MostBatchSize, nameof(EvaluationBatchSize), "a validation batch's activations are held in memory at once");
        RequireAtMost(InitializationTrials, MostInitializationTrials, nameof(InitializationTrials), "each trial trains for the trial epochs of its own");
        RequireAtMost(BatchShares, MostBatchShares, nameof(BatchShares), "each share runs on a thread of its own with its own copy of the batch's activations");
    }
}
