using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ImdbSentiment.Trainer.NasBert;

/// <summary>
/// Shapes NAS-BERT's two class logits (negative, positive) into the product's scalar Score (the logit of positive),
/// Probability (of positive) and PredictedLabel columns, so a nasbert zip serves like the RNN zips. Stateless: the
/// class order is fixed by the label-to-key mapping the trainer uses (false, then true). A consumer that loads a
/// nasbert zip must register this assembly (the zip names the mapping by contract) and have Microsoft.ML.TorchSharp
/// with libtorch for the classifier itself.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class NasBertOutputMapping : CustomMappingFactory<NasBertOutputMapping.Input, NasBertOutputMapping.Output>
{
    public const string ContractName = "ImdbSentiment.NasBertOutput";

    /// <summary>The classifier's score column: one logit per class, negative first.</summary>
    public const string ClassScoresColumn = "NasBertClassScores";

    /// <summary>The classifier's own predicted class (a key); kept apart so PredictedLabel is the product's bool.</summary>
    public const string PredictedClassColumn = "NasBertPredictedClass";

    public static void Map(Input input, Output output)
    {
        var scores = input.ClassScores;
        if (scores.Length != 2)
            throw new InvalidOperationException($"NAS-BERT gave {scores.Length} class scores; a sentiment model has exactly 2 (negative, positive).");

        // softmax([n, p])[1] is the sigmoid of p - n, so the difference is the logit of a positive review.
        var logit = scores[1] - scores[0];
        output.Score = logit;
        output.Probability = Sigmoid(logit);
        output.PredictedLabel = output.Probability >= 0.5f;
    }

    public override Action<Input, Output> GetMapping() => Map;

    private static float Sigmoid(float logit) =>
        logit >= 0 ? 1f / (1f + MathF.Exp(-logit)) : MathF.Exp(logit) / (1f + MathF.Exp(logit));

    public sealed class Input
    {
        [ColumnName(ClassScoresColumn), VectorType]
        public float[] ClassScores { get; set; } = [];
    }

    public sealed class Output
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
