using System.Text.Json.Serialization;
using ImdbSentiment.Model;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Training;

/// <summary>
/// The sentiment network trainer's settings; the defaults are the Keras recipe's. The vocabulary sizes are not among
/// them: the trainer reads them from the featurizer's output (<see cref="NetworkInputs.FromSchema"/>).
/// </summary>
public sealed record SentimentNetworkOptions
{
    /// <summary>The label column (bool: true = positive) of the data given to Fit and of <see cref="ValidationSet"/>.</summary>
    public string LabelColumnName { get; init; } = ColumnNames.Label;

    /// <summary>
    /// Featurized reviews to stop early on (the same fitted featurizer's output, as ML.NET's trainers take a
    /// validation set). Null: Fit holds out <see cref="ValidationFraction"/> of its input instead, after the
    /// featurizer was fitted on all of it; give a validation set to keep those reviews out of the vocabulary too.
    /// </summary>
    [JsonIgnore]
    public IDataView? ValidationSet { get; init; }

    /// <summary>The share of Fit's input held out for validation when no <see cref="ValidationSet"/> is given (Keras's validation_split).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    public NetworkArchitecture Architecture { get; init; } = NetworkArchitecture.EmbeddingRnn;

    /// <summary>Whether the network has a naive-Bayes-weighted n-gram bag branch (see <see cref="NgramBagNetwork"/>); it needs the featurizer's n-gram ids.</summary>
    public bool NgramBranch { get; init; }

    /// <summary>The n-gram bag's learning rate: its weights start near naive Bayes and move faster than a recurrent branch's.</summary>
    public double NgramLearningRate { get; init; } = 0.02;

    /// <summary>L2 weight decay on the n-gram bag's weights, pulling them toward the naive-Bayes solution (NBSVM's interpolation).</summary>
    public double NgramWeightDecay { get; init; } = 1e-6;

    /// <summary>Whether the n-gram bag weighs each n-gram by its naive-Bayes log-count ratio (NBSVM); false makes it a plain bag of n-grams.</summary>
    public bool NgramNaiveBayes { get; init; } = true;

    /// <summary>In training only, the share of each review's n-grams the bag leaves out (0 = none).</summary>
    public double NgramDropout { get; init; }

    public int EmbeddingSize { get; init; } = 16;

    public int Units { get; init; } = 8;

    public int Epochs { get; init; } = 100;

    public int BatchSize { get; init; } = 64;

    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Stacked recurrent layers (lstm and gru only; the simple RNNs have one).</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Each recurrent layer reads the sequence both ways and concatenates the two (lstm and gru only).</summary>
    public bool Bidirectional { get; init; }

    /// <summary>
    /// Dropout rate, active in training only, on the input of every recurrent layer: the embedding output and, as torch's
    /// RNN dropout argument does, the outputs of every layer but the last (lstm and gru only; 0 = none).
    /// </summary>
    public double Dropout { get; init; }

    public NetworkOptimizer Optimizer { get; init; } = NetworkOptimizer.RmsProp;

    /// <summary>The largest L2 norm of all trainable parameters' gradients together before a step (clip_grad_norm_); 0 = no clipping.</summary>
    public double GradientClipNorm { get; init; }

    /// <summary>How the last layer's outputs feed the dense layer; <see cref="RecurrentPooling.Max"/> needs lstm or gru.</summary>
    public RecurrentPooling Pooling { get; init; } = RecurrentPooling.Last;

    /// <summary>Epochs without a validation-loss improvement before training stops (Keras EarlyStopping patience).</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Smallest validation-loss decrease that counts as an improvement (Keras min_delta).</summary>
    public double MinDelta { get; init; }

    /// <summary>Epochs (1-based count) before early stopping may fire (Keras start_from_epoch); 0 keeps Keras's default.</summary>
    public int StartFromEpoch { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>
    /// A guard against a poor initialisation, off (1) by default to keep Keras's semantics: with N > 1, seeds Seed,
    /// Seed+1, ... Seed+N-1 each train for <see cref="TrialEpochs"/> epochs, and the whole recipe then runs from the
    /// seed whose validation loss was lowest. It costs N x TrialEpochs extra epochs.
    /// </summary>
    public int InitializationTrials { get; init; } = 1;

    public int TrialEpochs { get; init; } = 10;

    /// <summary>
    /// Once early stopping has chosen the best epoch count E, train a fresh network (same seed) for E epochs on the
    /// training and validation reviews together and keep it: every labelled review then counts, as the peers that need
    /// no validation set (e.g. NBSVM) train on all of them. Validation figures come from the early-stopping run.
    /// </summary>
    public bool RefitOnAllData { get; init; }

    /// <summary>Where the best weights are written (TorchSharp state) whenever validation loss improves; null for none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Rows a validation forward pass takes at once; only memory and speed depend on it.</summary>
    public int EvaluationBatchSize { get; init; } = 1000;

    /// <summary>
    /// libtorch's intra-op threads for training (a process-wide setting). One is fastest for the recipe's tiny
    /// matrices, where splitting work costs more than it saves; larger networks may gain from more.
    /// </summary>
    public int Threads { get; init; } = 1;

    public void Validate()
    {
        Require(Architecture != NetworkArchitecture.None || NgramBranch, nameof(Architecture), "a recurrent network, or None with the n-gram branch");
        Require(ValidationFraction is > 0 and < 1, nameof(ValidationFraction), "above 0 and below 1");
        Require(EmbeddingSize >= 1, nameof(EmbeddingSize), "at least 1");
        Require(Units >= 1, nameof(Units), "at least 1");
        Require(Epochs >= 1, nameof(Epochs), "at least 1");
        Require(BatchSize >= 1, nameof(BatchSize), "at least 1");
        Require(LearningRate > 0, nameof(LearningRate), "positive");
        Require(Patience >= 0, nameof(Patience), "0 or more");
        Require(MinDelta >= 0, nameof(MinDelta), "0 or more");
        Require(StartFromEpoch >= 0, nameof(StartFromEpoch), "0 or more");
        Require(InitializationTrials >= 1, nameof(InitializationTrials), "at least 1");
        Require(TrialEpochs >= 1, nameof(TrialEpochs), "at least 1");
        Require(Threads >= 1, nameof(Threads), "at least 1");
        Require(EvaluationBatchSize >= 1, nameof(EvaluationBatchSize), "at least 1");
        Require(Enum.IsDefined(Architecture), nameof(Architecture), "one of " + string.Join(", ", Enum.GetNames<NetworkArchitecture>()));
        Require(Layers >= 1, nameof(Layers), "at least 1");
        Require(Dropout is >= 0 and < 1, nameof(Dropout), "at least 0 and below 1");
        Require(Enum.IsDefined(Optimizer), nameof(Optimizer), "one of " + string.Join(", ", Enum.GetNames<NetworkOptimizer>()));
        Require(GradientClipNorm >= 0 && double.IsFinite(GradientClipNorm), nameof(GradientClipNorm), "0 (off) or a positive number");
        Require(Enum.IsDefined(Pooling), nameof(Pooling), "one of " + string.Join(", ", Enum.GetNames<RecurrentPooling>()));
        foreach (var family in NetworkFamilies.BranchesOf(this))
            family.Validate(this);
    }

    /// <summary>Refuses a setting outside its range, naming it: the rule the families' own ranges use too.</summary>
    internal static void Require(bool valid, string name, string expected)
    {
        if (!valid)
            throw new ArgumentOutOfRangeException(name, $"{name} must be {expected}.");
    }
}
