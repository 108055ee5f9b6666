using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ImdbSentiment.Model.Text;

/// <summary>
/// Turns vocabulary keys into Keras token ids (start id first, unknown words to the OOV id) and pads/truncates
/// them. A custom mapping cannot carry settings of its own into the saved model, so the max length and the
/// padding sides arrive as constant columns made by saveable Expression transforms.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class TokenIdsMapping : CustomMappingFactory<TokenIdsMapping.Input, TokenIdsMapping.Output>
{
    public const string ContractName = "ImdbSentiment.TokenIds";

    public static void Map(Input input, Output output)
    {
        var keys = input.TokenKeyValues ?? [];
        var ids = new long[keys.Length + 1];
        ids[0] = Vocabulary.StartId;
        for (var i = 0; i < keys.Length; i++)
            // ML.NET keys are 1-based in vocabulary order and 0 for a word outside it.
            ids[i + 1] = keys[i] == 0 ? Vocabulary.OutOfVocabularyId : keys[i] - 1 + Vocabulary.ReservedIds;

        var padded = new long[input.SequenceLength];
        SequencePadder.Pad(ids, padded, (SequenceSide)input.SequencePadding, (SequenceSide)input.SequenceTruncating);
        output.TokenIds = padded;
    }

    public override Action<Input, Output> GetMapping() => Map;

    public sealed class Input
    {
        [VectorType]
        public uint[]? TokenKeyValues { get; set; }

        public int SequenceLength { get; set; }

        public int SequencePadding { get; set; }

        public int SequenceTruncating { get; set; }
    }

    public sealed class Output
    {
        [VectorType]
        public long[] TokenIds { get; set; } = [];
    }
}
