namespace ImdbSentiment.Model.Rnn;

/// <summary>The recurrent estimator's settings; the defaults are the Keras recipe's.</summary>
public sealed record RecurrentTrainerOptions
{
    public RecurrentArchitecture Architecture { get; init; } = RecurrentArchitecture.EmbeddingRnn;

    /// <summary>Must equal the featurizer's vocabulary size (ids 0..size-1).</summary>
    public int VocabularySize { get; init; } = 500;

    public int EmbeddingSize { get; init; } = 16;

    public int Units { get; init; } = 8;

    public int Epochs { get; init; } = 100;

    public int BatchSize { get; init; } = 64;

    public double LearningRate { get; init; } = 1e-4;

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
        Require(VocabularySize > 3, nameof(VocabularySize), "more than 3");
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
    }

    private static void Require(bool valid, string name, string expected)
    {
        if (!valid)
            throw new ArgumentOutOfRangeException(name, $"{name} must be {expected}.");
    }
}
