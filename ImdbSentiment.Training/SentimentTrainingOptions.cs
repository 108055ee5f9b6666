using ImdbSentiment.Model.Text;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Training;

/// <summary>Everything a training run needs besides data: the featurizer's settings, the split's kind and the network trainer's settings.</summary>
public sealed record SentimentTrainingOptions
{
    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>How <see cref="FitSettings.ValidationFraction"/> is drawn when no validation set is given: random reviews (Keras's split), or whole groups (movies) as a test set of unseen movies would be.</summary>
    public SplitKind SplitBy { get; init; } = SplitKind.Random;

    /// <summary>The network trainer's settings: its layers, optimizer and fit, the split's share and seed among them.</summary>
    public SentimentNetworkOptions Trainer { get; init; } = new();

    /// <summary>The largest network graph a model zip carries: ML.NET loads it whole into every serving process.</summary>
    public const long MaxOnnxBytes = 50L * 1024 * 1024;

    /// <summary>Checks every setting and the network's exported size before anything is read or trained.</summary>
    public void Validate()
    {
        Featurizer.Validate();
        Trainer.Validate();
        // The graph stores every trainable weight as a float32 (the bag's fixed ratios are folded into its weights).
        var onnxBytes = ModelSummary.Describe(Trainer, NetworkInputs.Planned(Featurizer), Featurizer.MaxLength).TotalParameters * sizeof(float);
        if (onnxBytes > MaxOnnxBytes)
            throw new ArgumentException(
                $"This network's ONNX graph would be {onnxBytes / (1024.0 * 1024):F0} MB, over the {MaxOnnxBytes / (1024 * 1024)} MB a model zip may carry: lower the vocabulary, n-gram vocabulary, embedding or unit sizes.", nameof(Trainer));
    }
}
