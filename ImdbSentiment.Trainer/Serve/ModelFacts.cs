using System.Security.Cryptography;
using ImdbSentiment.Model.Serving;

namespace ImdbSentiment.Trainer.Serve;

/// <summary>
/// GET /model: the served model's key facts. The zip itself carries no model card, so the facts come from two places:
/// the zip's model spec as the predictor serves it (vocabulary size and the ids a review is padded or cut to, when the
/// network reads token ids; whether it reads n-grams), and, when <c>train</c>'s report folder is beside the zip, the
/// card's figures from its metrics.json (<see cref="ModelCardFacts"/>; null without one).
/// </summary>
internal sealed record ModelFacts(
    string File, long Bytes, string Sha256, int? VocabularySize, int? MaxLength, bool NgramFeatures, ModelCardFacts? Card)
{
    public static ModelFacts Read(PooledSentimentPredictor predictor, TextWriter warnings)
    {
        var scorer = predictor.Scorer;
        var file = new FileInfo(scorer.Path);
        return new ModelFacts(
            file.Name, file.Length, Sha256Of(file.FullName), scorer.Featurizer.VocabularySize, scorer.Featurizer.TokenIds?.MaxLength,
            scorer.Featurizer.NgramIds is not null, ModelCardFacts.ReadBeside(scorer.Path, warnings));
    }

    private static string Sha256Of(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
