using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Export;

/// <summary>
/// featurizer.json: everything another language needs to turn a review into the network's inputs exactly as the model
/// zip does (README, "Using the model from Python and Spark", gives the steps in order). <see cref="Format"/> and
/// <see cref="Version"/> name this layout; a reader refuses a version it does not know.
/// </summary>
internal sealed record ExportSpec
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
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
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

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    public static ExportSpec FromJson(string json) =>
        JsonSerializer.Deserialize<ExportSpec>(json, JsonOptions) ?? throw new JsonException("featurizer.json holds null");
}

internal sealed record NetworkSpec(string File, string ProbabilityOutput, string LogitOutput);

/// <summary>
/// Review text to tokens, in this order: replace each match of <see cref="LineBreakPattern"/> with a space; map each
/// character of <see cref="LowercaseFrom"/> to the one at the same position of <see cref="LowercaseTo"/>; the tokens
/// are the matches of <see cref="TokenPattern"/>, left to right.
/// </summary>
internal sealed record TextSpec(string LineBreakPattern, string LowercaseFrom, string LowercaseTo, string TokenPattern, string ReadableTokenPattern);

/// <summary>
/// Tokens to the network's token-id row: <see cref="StartId"/>, then each token's id (line i of
/// <see cref="Vocabulary"/>, counting from 0, has id <see cref="FirstWordId"/> + i; any other token
/// <see cref="OutOfVocabularyId"/>); longer than <see cref="MaxLength"/>, it keeps the last ids (truncating pre) or the
/// first (post); shorter, it is filled with <see cref="PaddingId"/> before (padding pre) or after (post).
/// </summary>
internal sealed record TokenIdsSpec(
    string Input, string Vocabulary, long PaddingId, long StartId, long OutOfVocabularyId, long FirstWordId,
    int MaxLength, SequenceSide Padding, SequenceSide Truncating);

/// <summary>
/// Tokens to the network's n-gram-id row: from each token, the n-grams of 1 to <see cref="Longest"/> tokens joined by
/// <see cref="Separator"/>, each distinct n-gram once in order of first appearance; the row is <see cref="PaddingId"/>,
/// then the id of each one in <see cref="Vocabulary"/> (line i, counting from 0, has id <see cref="FirstNgramId"/> + i),
/// n-grams outside it dropped. Rows of one batch are filled to the longest with <see cref="PaddingId"/>, whose weight is 0.
/// </summary>
internal sealed record NgramIdsSpec(string Input, string Vocabulary, int Longest, string Separator, long PaddingId, long FirstNgramId);
