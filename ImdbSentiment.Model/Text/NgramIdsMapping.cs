using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ImdbSentiment.Model.Text;

/// <summary>
/// The n-gram branch's input: a review's distinct n-grams of lengths 1 to n (n arrives as a constant column, since a
/// custom mapping cannot save settings of its own), as strings for ML.NET's saveable ValueToKeyMapping.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class NgramsMapping : CustomMappingFactory<NgramsMapping.Input, NgramsMapping.Output>
{
    public const string ContractName = "ImdbSentiment.Ngrams";

    public static void Map(Input input, Output output) => output.Ngrams = Ngrams.Distinct(input.Tokens ?? [], input.NgramLength);

    public override Action<Input, Output> GetMapping() => Map;

    public sealed class Input
    {
        [VectorType]
        public string[]? Tokens { get; set; }

        public int NgramLength { get; set; }
    }

    public sealed class Output
    {
        [VectorType]
        public string[] Ngrams { get; set; } = [];
    }
}

/// <summary>
/// N-gram keys to the n-gram branch's ids: id k is the vocabulary's k-th n-gram, n-grams outside the vocabulary are
/// dropped, and every row starts with <see cref="NgramIds.PaddingId"/> (weight 0), so no row is ever empty.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class NgramIdsMapping : CustomMappingFactory<NgramIdsMapping.Input, NgramIdsMapping.Output>
{
    public const string ContractName = "ImdbSentiment.NgramIds";

    public static void Map(Input input, Output output)
    {
        var keys = input.NgramKeyValues ?? [];
        var ids = new List<long>(keys.Length + 1) { NgramIds.PaddingId };
        foreach (var key in keys)
        {
            // ML.NET keys are 1-based in vocabulary order and 0 for an n-gram outside it; the n-grams are distinct already.
            if (key != 0)
                ids.Add(key);
        }
        output.NgramIds = [.. ids];
    }

    public override Action<Input, Output> GetMapping() => Map;

    public sealed class Input
    {
        [VectorType]
        public uint[]? NgramKeyValues { get; set; }
    }

    public sealed class Output
    {
        [VectorType]
        public long[] NgramIds { get; set; } = [];
    }
}

/// <summary>The n-gram ids' reserved value.</summary>
internal static class NgramIds
{
    /// <summary>Starts every row; its weight is fixed at 0.</summary>
    public const long PaddingId = 0;
}
