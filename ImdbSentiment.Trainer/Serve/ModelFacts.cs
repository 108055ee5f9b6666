using System.Security.Cryptography;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// GET /model: the served model's key facts. The zip itself carries no model card, so the facts come from two places:
/// what the loaded pipeline shows (vocabulary size, the ids a review is padded or cut to, whether it reads n-grams),
/// and, when <c>train</c>'s report folder is beside the zip, the card's figures from its metrics.json
/// (<see cref="ModelCardFacts"/>; null without one).
/// </summary>
internal sealed record ModelFacts(
    string File, long Bytes, string Sha256, int? VocabularySize, int? MaxLength, bool NgramFeatures, ModelCardFacts? Card)
{
    public static ModelFacts Read(SentimentModel model, TextWriter warnings)
    {
        var file = new FileInfo(model.Path);
        var probe = ProbeOutput(model);
        return new ModelFacts(
            file.Name, file.Length, Sha256Of(file.FullName), KeyedVocabularySize(probe.Schema), PaddedLength(probe),
            probe.Schema.GetColumnOrNull(ColumnNames.NgramIds) is not null, ModelCardFacts.ReadBeside(model.Path, warnings));
    }

    // The vocabulary's key type counts its words; Keras's size also counts the reserved ids.
    private static int? KeyedVocabularySize(DataViewSchema schema) =>
        schema.GetColumnOrNull(ColumnNames.TokenKeys)?.Type is var type && (type is VectorDataViewType vector ? vector.ItemType : type) is KeyDataViewType key
            ? (int)key.Count + Vocabulary.ReservedIds
            : null;

    private static int? PaddedLength(IDataView probe)
    {
        if (probe.Schema.GetColumnOrNull(ColumnNames.TokenIds) is not { } ids)
            return null;
        using var cursor = probe.GetRowCursor([ids]);
        var getter = cursor.GetGetter<VBuffer<long>>(ids);
        var padded = default(VBuffer<long>);
        cursor.MoveNext();
        getter(ref padded);
        return padded.Length;
    }

    // Every review is padded or cut to the max length, so one review shows it.
    private static IDataView ProbeOutput(SentimentModel model) =>
        model.Transform(model.MLContext.Data.LoadFromEnumerable([new ReviewInput { Text = "a probe review" }]));

    private static string Sha256Of(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
