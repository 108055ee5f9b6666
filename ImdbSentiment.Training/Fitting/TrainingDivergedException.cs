namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// Training stopped because its loss is no longer a finite number: the weights have left the range where the network
/// computes anything (a learning rate far too high, or no gradient clipping). No model is made from such a run.
/// </summary>
public sealed class TrainingDivergedException(string message) : Exception(message)
{
    /// <summary>The settings the message suggests changing, by their option names.</summary>
    public static IReadOnlyList<string> Remedies { get; } = [nameof(OptimizerSettings.LearningRate), nameof(OptimizerSettings.GradientClipNorm)];

    internal static string Advice => $"lower the learning rate ({Remedies[0]}) or clip the gradient norm ({Remedies[1]})";

    internal static void ThrowUnlessFinite(double value, string what, int epoch, int seed)
    {
        if (!double.IsFinite(value))
            throw new TrainingDivergedException($"training diverged: the {what} of epoch {epoch} (seed {seed}) is {Describe(value)}; {Advice}.");
    }

    private static string Describe(double value) => double.IsNaN(value) ? "not a number" : "infinite";
}
