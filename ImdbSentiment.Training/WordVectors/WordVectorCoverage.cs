using System.Globalization;
using System.Text.Json.Serialization;

namespace ImdbSentiment.Training.WordVectors;

/// <summary>How much of the featurizer's vocabulary a word-vector file started (reported on the console and in metrics.json).</summary>
/// <param name="FileWords">The words the file holds (its header's count).</param>
/// <param name="VocabularyWords">The vocabulary's words, without the padding, start and out-of-vocabulary ids.</param>
/// <param name="CoveredWords">Vocabulary words the file has a vector for; the others keep the network's random initialisation.</param>
/// <param name="CaseVariantsSkipped">File lines that matched a vocabulary word another spelling of it had matched already.</param>
/// <param name="Provenance">How the vectors were made, when the vectors command wrote them (FILE.vec.json); null otherwise.</param>
public sealed record WordVectorCoverage(
    string Path, int Dimensions, long FileWords, int VocabularyWords, int CoveredWords, long CaseVariantsSkipped, int FrozenEpochs,
    WordVectorProvenance? Provenance)
{
    public double CoveredShare => VocabularyWords == 0 ? 0 : (double)CoveredWords / VocabularyWords;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Word vectors: {CoveredWords:N0} of the {VocabularyWords:N0} vocabulary words ({CoveredShare * 100:F1}%) start from {System.IO.Path.GetFileName(Path)} " +
        $"({FileWords:N0} words of {Dimensions} dimensions); the other {VocabularyWords - CoveredWords:N0} keep the network's random initialisation" +
        $"{(CaseVariantsSkipped > 0 ? $"; {CaseVariantsSkipped:N0} other-case spellings of words already matched were skipped" : "")}" +
        $"{(Frozen is { } frozen ? $"; the embedding is {frozen}." : ".")}");

    /// <summary>"frozen for the first N epochs", or null when the embedding trains from the first.</summary>
    [JsonIgnore]
    public string? Frozen => FrozenEpochs switch
    {
        0 => null,
        1 => "frozen for the first epoch",
        _ => $"frozen for the first {FrozenEpochs} epochs",
    };
}
