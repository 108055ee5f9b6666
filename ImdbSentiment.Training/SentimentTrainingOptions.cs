using ImdbSentiment.Model.Text;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Training;

/// <summary>Everything a training run needs besides data: the featurizer's and the network's settings and the split.</summary>
public sealed record SentimentTrainingOptions
{
    public FeaturizerOptions Featurizer { get; init; } = new();

    public SentimentNetworkOptions Network { get; init; } = new();

    /// <summary>Share of the training data held out for validation when no validation set is given.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>How that validation share is drawn: random reviews (Keras's split), or whole groups (movies) as a test set of unseen movies would be.</summary>
    public SplitKind SplitBy { get; init; } = SplitKind.Random;

    /// <summary>Seeds the train/validation split alone, so changing the network's seed trains on the same split.</summary>
    public int SplitSeed { get; init; } = 42;

    /// <summary>The largest network graph a model zip carries: ML.NET loads it whole into every serving process.</summary>
    public const long MaxOnnxBytes = 50L * 1024 * 1024;

    /// <summary>Checks every setting and the network's exported size before anything is read or trained.</summary>
    public void Validate()
    {
        Featurizer.Validate();
        Network.Validate();
        // The graph stores every trainable weight as a float32 (the bag's fixed ratios are folded into its weights).
        var onnxBytes = ModelSummary.Describe(Network, NetworkInputs.Planned(Featurizer), Featurizer.MaxLength).TotalParameters * sizeof(float);
        if (onnxBytes > MaxOnnxBytes)
            throw new ArgumentException(
                $"This network's ONNX graph would be {onnxBytes / (1024.0 * 1024):F0} MB, over the {MaxOnnxBytes / (1024 * 1024)} MB a model zip may carry: lower the vocabulary, n-gram vocabulary, embedding or unit sizes.", nameof(Network));
    }
}
