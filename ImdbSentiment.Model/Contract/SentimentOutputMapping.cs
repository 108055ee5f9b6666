using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ImdbSentiment.Model;

/// <summary>Shapes the ONNX network's one-element outputs into the scalar Score, Probability and PredictedLabel columns.</summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class SentimentOutputMapping : CustomMappingFactory<SentimentOutputMapping.Input, SentimentOutputMapping.Output>
{
    public const string ContractName = "ImdbSentiment.SentimentOutput";

    public static void Map(Input input, Output output)
    {
        output.Score = input.NetworkLogit[0];
        output.Probability = input.NetworkProbability[0];
        output.PredictedLabel = IsPositive(output.Probability);
    }

    /// <summary>The label rule every serving path applies: positive at a probability of 0.5 or more.</summary>
    public static bool IsPositive(float probability) => probability >= 0.5f;

    public override Action<Input, Output> GetMapping() => Map;

    public sealed class Input
    {
        [ColumnName(NetworkGraphNames.LogitOutput), VectorType]
        public float[] NetworkLogit { get; set; } = [];

        [ColumnName(NetworkGraphNames.ProbabilityOutput), VectorType]
        public float[] NetworkProbability { get; set; } = [];
    }

    public sealed class Output
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
