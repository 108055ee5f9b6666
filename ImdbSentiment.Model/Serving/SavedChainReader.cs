using System.Globalization;
using System.IO.Compression;
using ImdbSentiment.Model.Export;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Reads what the direct path needs (the featurizer's vocabularies and settings, the network graph) straight from a
/// model zip's saved steps, without loading it through ML.NET, when the chain is exactly the one
/// <see cref="ReviewFeaturizerEstimator"/> and the trainer save: every step's loader, strings and model block are
/// compared with that chain's. Any other chain (an older or hand-made one, a foreign one) or a damaged entry gives
/// null, and the caller loads the zip through ML.NET, which serves it or refuses it as it always has.
/// </summary>
internal static class SavedChainReader
{
    private const string Root = "TransformerChain", ChainLoader = "TransformerChain", StepFile = "Model.key", VocabularyFolder = "Vocabulary";
    private const string TermMapLoader = "TermManager", SchemaEntry = "Schema";

    /// <summary>Matches any string: the assembly name a custom step records beside its contract name.</summary>
    private const string AnyString = "\0any";

    private static readonly ExpectedStep[] TokenSteps =
    [
        Custom(TokenizeReviewMapping.ContractName),
        Keys(ColumnNames.TokenKeys, ColumnNames.Tokens),
        KeyValues(ColumnNames.TokenKeyValues, ColumnNames.TokenKeys),
        Constant(ColumnNames.SequenceLength),
        Constant(ColumnNames.SequencePadding),
        Constant(ColumnNames.SequenceTruncating),
        Custom(TokenIdsMapping.ContractName),
        Drop(ColumnNames.TokenKeyValues, ColumnNames.SequenceLength, ColumnNames.SequencePadding, ColumnNames.SequenceTruncating),
    ];

    private static readonly ExpectedStep[] NgramSteps =
    [
        Constant(ColumnNames.NgramLength),
        Custom(NgramsMapping.ContractName),
        Keys(ColumnNames.NgramKeys, ColumnNames.Ngrams),
        KeyValues(ColumnNames.NgramKeyValues, ColumnNames.NgramKeys),
        Custom(NgramIdsMapping.ContractName),
        Drop(ColumnNames.NgramLength, ColumnNames.Ngrams, ColumnNames.NgramKeys, ColumnNames.NgramKeyValues),
    ];

    private static ExpectedStep[] NetworkSteps(string input) =>
    [
        new("OnnxTransform", [input, NetworkGraphNames.LogitOutput, NetworkGraphNames.ProbabilityOutput], "01000000000000000200000001000000020000000000000064000000"),
        Custom(SentimentOutputMapping.ContractName),
    ];

    /// <summary>
    /// The featurizer and network of a zip whose chain is this product's, or null for any other chain or a damaged
    /// entry. The network's inputs are the ones its OnnxTransformer step names; the graph itself is not parsed here
    /// (the onnxruntime session that loads it says what it reads).
    /// </summary>
    public static (FeaturizerState Featurizer, NetworkGraph Network)? TryRead(string modelPath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(modelPath);
            // ML.NET reads the input schema too; a damaged one must fail the same way on both paths.
            if (zip.GetEntry(SchemaEntry) is not { } schema)
                return null;
            using (var stream = schema.Open())
                stream.CopyTo(Stream.Null);
            return Read(zip, modelPath);
        }
        // Whatever stops the reader (no file, a folder, not a zip, a damaged entry), the ML.NET load reports.
        catch (Exception exception) when (exception is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static (FeaturizerState, NetworkGraph)? Read(ZipArchive zip, string modelPath)
    {
        var steps = new List<SavedStep>();
        AddSteps(zip, Root, steps);
        var hasNgrams = steps.Count == TokenSteps.Length + NgramSteps.Length + 2;
        var input = hasNgrams ? NetworkGraphNames.NgramIdsInput : NetworkGraphNames.TokenIdsInput;
        ExpectedStep[] expected = [.. TokenSteps, .. hasNgrams ? NgramSteps : [], .. NetworkSteps(input)];
        if (steps.Count != expected.Length || !steps.Zip(expected).All(pair => pair.Second.Matches(pair.First)))
            return null;

        var byColumn = steps.Where(step => step.LoaderSignature == ExpectedStep.ConstantLoader).ToDictionary(step => step.Strings[2], ConstantValue);
        if (byColumn.ContainsValue(null))
            return null;
        var words = Vocabulary(zip, steps[1]);
        var ngrams = hasNgrams ? Vocabulary(zip, steps[TokenSteps.Length + 2]) : [];
        if (words is null || ngrams is null)
            return null;
        var featurizer = new FeaturizerState(words, byColumn[ColumnNames.SequenceLength]!.Value,
            (SequenceSide)byColumn[ColumnNames.SequencePadding]!.Value, (SequenceSide)byColumn[ColumnNames.SequenceTruncating]!.Value,
            hasNgrams ? byColumn[ColumnNames.NgramLength]!.Value : 0, ngrams);

        var networkFolder = steps[^2].Folder;
        if (zip.GetEntry($"{networkFolder}/{NetworkGraph.EntryName}") is not { } graphEntry)
            return null;
        return (featurizer, new NetworkGraph(NetworkGraph.ReadBytes(graphEntry, modelPath), [input]));
    }

    /// <summary>The chain's steps in order, nested chains flattened, as ML.NET's TransformerChain saves them.</summary>
    private static void AddSteps(ZipArchive zip, string folder, List<SavedStep> steps)
    {
        var step = ReadStep(zip, folder) ?? throw new InvalidDataException($"{folder}: no {StepFile}");
        if (step.LoaderSignature != ChainLoader)
        {
            steps.Add(step);
            return;
        }
        var count = step.Int32At(0);
        if (count < 0 || count > step.Block.Length)
            throw new InvalidDataException($"{folder}: a chain of {count} steps");
        for (var i = 0; i < count; i++)
            AddSteps(zip, $"{folder}/Transform_{i:000}", steps);
    }

    private static SavedStep? ReadStep(ZipArchive zip, string folder)
    {
        if (zip.GetEntry($"{folder}/{StepFile}") is not { } entry)
            return null;
        using var content = new MemoryStream();
        using (var stream = entry.Open())
            stream.CopyTo(content);
        return SavedStep.Parse(folder, content.GetBuffer().AsSpan(0, (int)content.Length));
    }

    /// <summary>
    /// A value-to-key step's terms in key order: its term map holds one map, of text (type 0), as a count and then
    /// each term's index into the string table.
    /// </summary>
    private static string[]? Vocabulary(ZipArchive zip, SavedStep keys)
    {
        if (ReadStep(zip, $"{keys.Folder}/{VocabularyFolder}") is not { LoaderSignature: TermMapLoader } map
            || map.Int32At(0) != 1 || map.Block.Length < 9 || map.Block[4] != 0)
            return null;
        var count = map.Int32At(5);
        if (count < 0 || map.Block.Length != 9 + (long)count * sizeof(int))
            return null;
        var terms = new string[count];
        for (var i = 0; i < count; i++)
        {
            var index = map.Int32At(9 + i * sizeof(int));
            if (index < 0 || index >= map.Strings.Count)
                return null;
            terms[i] = map.Strings[index];
        }
        return terms;
    }

    /// <summary>The integer an Expression step makes for every row (<c>text : 100</c>), or null for any other expression.</summary>
    private static int? ConstantValue(SavedStep step)
    {
        const string Prefix = "text : ";
        var expression = step.Strings[1];
        return expression.StartsWith(Prefix, StringComparison.Ordinal)
               && int.TryParse(expression.AsSpan(Prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
               && expression == $"{Prefix}{value.ToString(CultureInfo.InvariantCulture)}"
            ? value
            : null;
    }

    private static ExpectedStep Custom(string contractName) => new("CustomTransformer", [contractName, AnyString], "0000000001000000");

    private static ExpectedStep Keys(string output, string input) => new("TermTransform", [output, input], "01000000000000000100000000");

    private static ExpectedStep KeyValues(string output, string input) => new("ConvertTransform", [output, input], "01000000000000000100000006");

    private static ExpectedStep Constant(string output) => new(ExpectedStep.ConstantLoader, [ColumnNames.Text, AnyString, output], "0100000001000000000000000100000002000000ffffffff0a000000");

    private static ExpectedStep Drop(params string[] columns) => new("SelectColumnsTransform", columns, "0000000400000000000000010000000200000003000000");

    /// <summary>A step as the product's chain saves it: its loader, its strings and its model block (hex).</summary>
    private sealed record ExpectedStep(string Loader, string[] Strings, string Block)
    {
        public const string ConstantLoader = "ExprTransform";

        public bool Matches(SavedStep step) =>
            step.LoaderSignature == Loader
            && step.Strings.Count == Strings.Length
            && step.Strings.Zip(Strings).All(pair => pair.Second == AnyString || pair.First == pair.Second)
            && Convert.ToHexStringLower(step.Block) == Block;
    }
}
