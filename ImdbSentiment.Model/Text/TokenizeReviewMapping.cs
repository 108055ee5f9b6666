using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ImdbSentiment.Model.Text;

/// <summary>The featurizer's first step, <see cref="ReviewTokenizer"/> as a saveable ML.NET custom mapping: Text to Tokens.</summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class TokenizeReviewMapping : CustomMappingFactory<TokenizeReviewMapping.Input, TokenizeReviewMapping.Output>
{
    public const string ContractName = "ImdbSentiment.TokenizeReview";

    public static void Map(Input input, Output output) => output.Tokens = ReviewTokenizer.Tokenize(input.Text ?? "");

    public override Action<Input, Output> GetMapping() => Map;

    public sealed class Input
    {
        public string? Text { get; set; }
    }

    public sealed class Output
    {
        [VectorType]
        public string[] Tokens { get; set; } = [];
    }
}
