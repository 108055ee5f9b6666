using System.Text.Json;
using ImdbSentiment.Model;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// The body of POST /predict, read by hand rather than bound to a class, so that every fault names its field: invalid
/// JSON, neither or both of <c>text</c> and <c>texts</c>, a value that is not a string, too many texts, or a review
/// with no words (the command line's empty-text rule).
/// </summary>
internal sealed record PredictRequest(IReadOnlyList<string> Texts, bool IsBatch)
{
    public const string TextField = "text";
    public const string TextsField = "texts";
    public const string BodyField = "body";

    private const string Expected = """expected {"text": "a review"} or {"texts": ["a review", ...]}""";

    /// <exception cref="RequestRejectedException">The body breaks one of the rules; the message names the field.</exception>
    public static PredictRequest Parse(ReadOnlyMemory<byte> body, int maximumTexts)
    {
        using var document = ParseJson(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw Rejected(BodyField, $"a JSON {Describe(root.ValueKind)}, not an object: {Expected}");

        var text = Property(root, TextField);
        var texts = Property(root, TextsField);
        return (text, texts) switch
        {
            ({ }, { }) => throw Rejected(TextField, $"given together with '{TextsField}': send one of them"),
            ({ } single, null) => new PredictRequest([Review(single, TextField)], IsBatch: false),
            (null, { } many) => new PredictRequest(Reviews(many, maximumTexts), IsBatch: true),
            _ => throw Rejected(TextField, $"missing: {Expected}"),
        };
    }

    private static JsonDocument ParseJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw Rejected(BodyField, $"not valid JSON ({exception.Message.TrimEnd('.')}): {Expected}");
        }
    }

    // Case-insensitive, as ASP.NET binds JSON, so that ML.NET's "Text" works too.
    private static JsonElement? Property(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            string propertyName;
            try
            {
                propertyName = property.Name;
            }
            catch (InvalidOperationException exception)
            {
                throw Rejected(BodyField, $"a property name is not readable ({exception.Message.TrimEnd('.')}): expected UTF-8 text");
            }
            if (string.Equals(propertyName, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        return null;
    }

    private static string[] Reviews(JsonElement texts, int maximumTexts)
    {
        if (texts.ValueKind != JsonValueKind.Array)
            throw Rejected(TextsField, $"a JSON {Describe(texts.ValueKind)}, expected an array of strings");
        var count = texts.GetArrayLength();
        if (count == 0)
            throw Rejected(TextsField, $"an empty array: expected 1 to {maximumTexts} reviews");
        if (count > maximumTexts)
            throw Rejected(TextsField, $"{count} reviews, more than the {maximumTexts} a request may hold (the server's --max-texts): send them in several requests");
        return [.. texts.EnumerateArray().Select((review, i) => Review(review, $"{TextsField}[{i}]"))];
    }

    private static string Review(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw Rejected(field, $"a JSON {Describe(value.ValueKind)}, expected a string (the text of a review)");
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            // JSON text is checked for invalid UTF-8 and lone surrogate escapes ("\ud800") only when it is read.
            throw Rejected(field, $"not a readable string ({exception.Message.TrimEnd('.')}): expected UTF-8 text");
        }
        if (!ReviewText.HasWords(text))
            throw Rejected(field, $"the review {ReviewText.NoWords}: expected the text of a review");
        return text;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static RequestRejectedException Rejected(string field, string problem) => new(RequestError.For(field, problem));
}
