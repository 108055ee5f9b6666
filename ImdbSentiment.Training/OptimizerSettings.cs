using ImdbSentiment.Training.Fitting;
using static ImdbSentiment.Training.SentimentNetworkOptions;

namespace ImdbSentiment.Training;

/// <summary>How the weights move (Keras: <c>compile(optimizer=...)</c>); the defaults are the Keras recipe's RMSprop at 1e-4.</summary>
public sealed record OptimizerSettings
{
    public NetworkOptimizer Algorithm { get; init; } = NetworkOptimizer.RmsProp;

    public double LearningRate { get; init; } = 1e-4;

    /// <summary>The largest L2 norm of all trainable parameters' gradients together before a step (clip_grad_norm_); 0 = no clipping.</summary>
    public double GradientClipNorm { get; init; }

    /// <summary>The n-gram bag's learning rate: its weights start near naive Bayes and move faster than a recurrent branch's.</summary>
    public double NgramLearningRate { get; init; } = 0.02;

    /// <summary>L2 weight decay on the n-gram bag's weights, pulling them toward the naive-Bayes solution (NBSVM's interpolation).</summary>
    public double NgramWeightDecay { get; init; } = 1e-6;

    public void Validate()
    {
        Require(Enum.IsDefined(Algorithm), nameof(Algorithm), "one of " + string.Join(", ", Enum.GetNames<NetworkOptimizer>()));
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), "a finite number above 0");
        Require(GradientClipNorm >= 0 && double.IsFinite(GradientClipNorm), nameof(GradientClipNorm), "0 (off) or a positive number");
        Require(NgramLearningRate > 0 && double.IsFinite(NgramLearningRate), nameof(NgramLearningRate), "a finite number above 0");
        Require(NgramWeightDecay >= 0 && double.IsFinite(NgramWeightDecay), nameof(NgramWeightDecay), "0 or a finite positive number");
    }
}
