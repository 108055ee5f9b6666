using Microsoft.ML.Transforms;

namespace ImdbSentiment.Model.Text;

/// <summary>The featurizer's first step, <see cref="ReviewTextNormalizer"/> as a saveable ML.NET custom mapping.</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class NormalizeTextMapping : CustomMappingFactory<NormalizeTextMapping.Input, NormalizeTextMapping.Output>
{
    public const string ContractName = "ImdbSentiment.NormalizeText";

    public static void Map(Input input, Output output) =>
        output.NormalizedText = ReviewTextNormalizer.Normalize(input.Text ?? "");

    public override Action<Input, Output> GetMapping() => Map;

    public sealed class Input
    {
        public string? Text { get; set; }
    }

    public sealed class Output
    {
        public string NormalizedText { get; set; } = "";
    }
}
