using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.ModelFormat;

/// <summary>
/// featurizer.json, the product's own description of a model: everything any language needs to turn a review into
/// the network's inputs exactly as the model zip does, and which ONNX file then gives the probability
/// (docs/model-format.md gives the steps in order). Every model zip carries it under <see cref="ModelFile.Folder"/>
/// beside ML.NET's entries, and <c>export</c> writes the same files into a folder. <see cref="Format"/> names the
/// layout (the product marker) and <see cref="Version"/> its revision; a reader refuses a version it does not know.
/// A network that reads both token ids and n-gram ids (a fused model) has both <see cref="TokenIds"/> and
/// <see cref="NgramIds"/>.
/// </summary>
internal sealed record ModelSpec
{
    public const string FormatName = "imdb-sentiment-export";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keeps the patterns' backslashes and the lower-casing table's letters readable; the file is UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        // Generated at build time: making the same by reflection took 65 ms of every command that opens a model.
        TypeInfoResolver = ModelSpecJsonContext.Default,
    };

    public string Format { get; init; } = FormatName;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The ONNX file: int64 inputs named by <see cref="TokenIdsSpec.Input"/> and <see cref="NgramIdsSpec.Input"/>, float outputs [batch, 1].</summary>
    public required NetworkSpec Network { get; init; }

    public required TextSpec Text { get; init; }

    /// <summary>Present when the network reads token ids.</summary>
    public TokenIdsSpec? TokenIds { get; init; }

    /// <summary>Present when the network reads n-gram ids.</summary>
    public NgramIdsSpec? NgramIds { get; init; }

    /// <summary>The network's inputs, token ids first.</summary>
    public IEnumerable<string> Inputs => new[] { TokenIds?.Input, NgramIds?.Input }.OfType<string>();

    /// <summary>The files the spec names besides itself: the network, then the vocabularies it uses.</summary>
    public IEnumerable<string> Files => new[] { Network.File, TokenIds?.Vocabulary, NgramIds?.Vocabulary }.OfType<string>();

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    /// <summary>Parses and checks a spec; the message of what it throws says what is wrong, without the file's name.</summary>
    /// <exception cref="InvalidDataException">Not JSON of this layout, another format or version, or settings this product cannot serve.</exception>
    public static ModelSpec FromJson(string json)
    {
        ModelSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<ModelSpec>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"not a model spec ({exception.Message.Split('\n')[0].Trim()})", exception);
        }
        (spec ?? throw new InvalidDataException("not a model spec (it holds null)")).Check();
        return spec;
    }

    private void Check()
    {
        if (Format != FormatName)
            throw new InvalidDataException($"its format is not {FormatName}");
        if (Version != CurrentVersion)
            throw new InvalidDataException($"format version {Version}, which this release does not know (it reads version {CurrentVersion}); use the release that wrote it, or train the model again");
        if (Network is null || Text is null)
            throw new InvalidDataException("it lacks the network or the text rules");
        if (TokenIds is null && NgramIds is null)
            throw new InvalidDataException("its network reads neither token ids nor n-gram ids");
        if (Text != TextSpec.Current)
            throw new InvalidDataException("its text rules are not this release's tokenizer");
        if (TokenIds is { } tokens && (tokens.Input != NetworkGraphNames.TokenIdsInput || tokens.MaxLength < 1 || tokens != tokens.WithProductIds()))
            throw new InvalidDataException($"its token-id settings are not the product's (input {NetworkGraphNames.TokenIdsInput}, ids 0-2 reserved, max length at least 1)");
        if (NgramIds is { } ngrams && (ngrams.Input != NetworkGraphNames.NgramIdsInput || ngrams.Longest is < 1 or > Ngrams.LongestSupported || ngrams != ngrams.WithProductIds()))
            throw new InvalidDataException($"its n-gram settings are not the product's (input {NetworkGraphNames.NgramIdsInput}, n-grams of 1 to {Ngrams.LongestSupported} words joined by a space, id 0 padding)");
        if (Files.Any(file => string.IsNullOrEmpty(file) || file.Contains('/') || file.Contains('\\') || file == ModelFile.SpecFile))
            throw new InvalidDataException("it names a file outside its folder");
    }
}

internal sealed record NetworkSpec(string File, string ProbabilityOutput, string LogitOutput);

/// <summary>
/// Review text to tokens, in this order: replace each match of <see cref="LineBreakPattern"/> with a space; map each
/// character of <see cref="LowercaseFrom"/> to the one at the same position of <see cref="LowercaseTo"/>; the tokens
/// are the matches of <see cref="TokenPattern"/>, left to right.
/// </summary>
internal sealed record TextSpec(string LineBreakPattern, string LowercaseFrom, string LowercaseTo, string TokenPattern, string ReadableTokenPattern)
{
    /// <summary>The rules of this release's <see cref="ReviewTokenizer"/>.</summary>
    public static TextSpec Current { get; } = new(TextRules.LineBreakPattern, TextRules.Lowercase.From, TextRules.Lowercase.To, TextRules.TokenPattern, TextRules.ReadableTokenPattern);
}

/// <summary>
/// Tokens to the network's token-id row: <see cref="StartId"/>, then each token's id (line i of
/// <see cref="Vocabulary"/>, counting from 0, has id <see cref="FirstWordId"/> + i; any other token
/// <see cref="OutOfVocabularyId"/>); longer than <see cref="MaxLength"/>, it keeps the last ids (truncating pre) or the
/// first (post); shorter, it is filled with <see cref="PaddingId"/> before (padding pre) or after (post).
/// </summary>
internal sealed record TokenIdsSpec(
    string Input, string Vocabulary, long PaddingId, long StartId, long OutOfVocabularyId, long FirstWordId,
    int MaxLength, SequenceSide Padding, SequenceSide Truncating)
{
    public static TokenIdsSpec For(string vocabularyFile, int maxLength, SequenceSide padding, SequenceSide truncating) =>
        new(NetworkGraphNames.TokenIdsInput, vocabularyFile, Text.Vocabulary.PaddingId, Text.Vocabulary.StartId,
            Text.Vocabulary.OutOfVocabularyId, Text.Vocabulary.ReservedIds, maxLength, padding, truncating);

    public TokenIdsSpec WithProductIds() => For(Vocabulary, MaxLength, Padding, Truncating);
}

/// <summary>
/// Tokens to the network's n-gram-id row: from each token, the n-grams of 1 to <see cref="Longest"/> tokens joined by
/// <see cref="Separator"/>, each distinct n-gram once in order of first appearance; the row is <see cref="PaddingId"/>,
/// then the id of each one in <see cref="Vocabulary"/> (line i, counting from 0, has id <see cref="FirstNgramId"/> + i),
/// n-grams outside it dropped. Rows of one batch are filled to the longest with <see cref="PaddingId"/>, whose weight is 0.
/// </summary>
internal sealed record NgramIdsSpec(string Input, string Vocabulary, int Longest, string Separator, long PaddingId, long FirstNgramId)
{
    public static NgramIdsSpec For(string vocabularyFile, int longest) =>
        new(NetworkGraphNames.NgramIdsInput, vocabularyFile, longest, Ngrams.Separator, Text.NgramIds.PaddingId, Text.NgramIds.PaddingId + 1);

    public NgramIdsSpec WithProductIds() => For(Vocabulary, Longest);
}

/// <summary>The spec's JSON contract, generated at build time (the naming and enum rules come from the options above).</summary>
[JsonSerializable(typeof(ModelSpec))]
internal sealed partial class ModelSpecJsonContext : JsonSerializerContext;
