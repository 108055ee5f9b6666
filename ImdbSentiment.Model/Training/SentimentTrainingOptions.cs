using ImdbSentiment.Model.Rnn;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Training;

/// <summary>Everything a training run needs besides data: the featurizer's and the network's settings and the split.</summary>
public sealed record SentimentTrainingOptions
{
    public FeaturizerOptions Featurizer { get; init; } = new();

    public RecurrentTrainerOptions Network { get; init; } = new();

    /// <summary>Share of the training data held out for validation when no validation set is given.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>The network's options as the pipeline trains it: its vocabulary is the featurizer's.</summary>
    public RecurrentTrainerOptions EffectiveNetwork() => Network with { VocabularySize = Featurizer.VocabularySize };
}
