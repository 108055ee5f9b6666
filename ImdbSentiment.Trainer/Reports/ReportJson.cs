using System.Text.Json;
using System.Text.Json.Serialization;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
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
        // The enums' name tables come first, so values are written as on the command line ("embedding-rnn", "rmsprop").
        Converters =
        {
            new ArchitectureNameConverter(),
            new NameTableConverter<NetworkOptimizer>(NetworkOptimizerNames.Table),
            new NameTableConverter<RecurrentPooling>(RecurrentPoolingNames.Table),
            new NameTableConverter<SequenceSide>(SequenceSideNames.Table),
            new NameTableConverter<SplitKind>(SplitKindNames.Table),
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase),
            new NonFiniteAsNullConverter(),
        },
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

    private sealed class NameTableConverter<TEnum>(NameTable<TEnum> names) : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => names.Parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(names.NameOf(value));
    }

    private sealed class ArchitectureNameConverter : JsonConverter<NetworkArchitecture>
    {
        public override NetworkArchitecture Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            NetworkArchitectureNames.Parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, NetworkArchitecture value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToName());
    }
}
