using System.Text.Json;
using System.Text.Json.Serialization;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>The JSON settings of the reports: camelCase, indented, enums by name, NaN and infinities as null.</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // The architecture's own converter comes first so it is written as on the command line ("embedding-rnn").
        Converters = { new ArchitectureNameConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new NonFiniteAsNullConverter() },
    };

    // Strict JSON has no NaN: an undefined AUC or an infinite log loss is written as null.
    private sealed class NonFiniteAsNullConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
                writer.WriteNumberValue(value);
            else
                writer.WriteNullValue();
        }
    }

    private sealed class ArchitectureNameConverter : JsonConverter<RecurrentArchitecture>
    {
        public override RecurrentArchitecture Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            RecurrentArchitectureNames.Parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, RecurrentArchitecture value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToName());
    }
}
