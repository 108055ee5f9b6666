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
        // The sequence (the start id, then one id per key) goes straight into the padded row, whose other slots keep
        // new's 0, the padding id: one array per row rather than the sequence and its padded copy.
        var padded = new long[input.SequenceLength];
        var (skip, count, offset) = SequencePadder.Place(keys.Length + 1, padded.Length, (SequenceSide)input.SequencePadding, (SequenceSide)input.SequenceTruncating);
        for (var i = 0; i < count; i++)
        {
            var position = skip + i;
            padded[offset + i] = position == 0 ? Vocabulary.StartId : TokenId(keys[position - 1]);
        }
        output.TokenIds = padded;
    }

    // ML.NET keys are 1-based in vocabulary order and 0 for a word outside it.
    private static long TokenId(uint key) => key == 0 ? Vocabulary.OutOfVocabularyId : key - 1 + Vocabulary.ReservedIds;

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
