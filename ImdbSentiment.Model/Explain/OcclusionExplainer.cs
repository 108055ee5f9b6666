using ImdbSentiment.Model.Text;
using ImdbSentiment.Model.Serving;

namespace ImdbSentiment.Model.Explain;

/// <summary>
/// Explains a prediction by occlusion, through the scorer every command uses (<see cref="SentimentScorer"/>): each
/// word of the review in turn is replaced by <see cref="Placeholder"/>, a word outside the model's vocabulary, and the review is scored again; the
/// word's contribution is the probability of positive with it minus the probability without it. A recurrent model
/// then reads the out-of-vocabulary id in the word's place (the sequence keeps its length and positions), and an
/// n-gram bag loses every n-gram that contains the word (they become unknown n-grams, which the bag drops).
/// Occlusion rather than integrated gradients: it needs only predictions, so it explains every model zip
/// without TorchSharp and whatever its network, and it measures what the model really does with and without the word;
/// it costs one prediction per word. Words a model never reads (beyond a recurrent model's max length) contribute 0.
/// </summary>
public sealed class OcclusionExplainer : IDisposable
{
    /// <summary>
    /// Runic letters: one word to the tokenizer (letters, so they neither split nor vanish), and found in no English
    /// review, so in no vocabulary fitted on reviews; the constructor checks it for the model at hand.
    /// </summary>
    public const string Placeholder = "ᛟᚲᛚᚢᛞᛖᛞ";

    private const int OccludedCopiesAtOnce = SentimentScorer.BatchSize;

    private readonly SentimentScorer _scorer;

    /// <exception cref="InvalidDataException">The model knows the placeholder word, so occluding with it would not hide a word.</exception>
    public OcclusionExplainer(SentimentModel model)
        : this(SentimentScorer.Over(model))
    {
    }

    private OcclusionExplainer(SentimentScorer scorer)
    {
        _scorer = scorer;
        if (!scorer.Featurizer.IsUnknownWord(Placeholder))
        {
            scorer.Dispose();
            throw new InvalidDataException($"{scorer.Path}: the model's vocabulary holds the word {Placeholder} that explain puts in place of each word, so it cannot occlude words with it");
        }
    }

    /// <summary>Explains with the model zip at <paramref name="modelPath"/>, read without ML.NET.</summary>
    public static OcclusionExplainer Open(string modelPath) => new(SentimentScorer.Open(modelPath));

    /// <summary>
    /// Explains <paramref name="review"/> alone with the model zip at <paramref name="modelPath"/>: its occluded copies
    /// hold its words and the placeholder, so a model with an n-gram bag keys only their n-grams
    /// (<see cref="SentimentScorer.OpenFor"/>) and opens in a fraction of the time.
    /// </summary>
    public static OcclusionExplainer OpenFor(string modelPath, string review) => new(SentimentScorer.OpenFor(modelPath, [review, Placeholder]));

    /// <exception cref="ArgumentException">The review has no words (see <see cref="ReviewText"/>).</exception>
    public Explanation Explain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ReviewText.HasWords(text))
            throw new ArgumentException($"the review {ReviewText.NoWords}", nameof(text));

        var original = _scorer.Predict(text);
        var words = new List<WordContribution>();
        // The occluded copies go to the scorer one batch at a time, each with the text itself, so that a word the model
        // never reads contributes exactly 0 (a batch and a single review round differently).
        foreach (var chunk in ReviewTokenizer.WordSpans(text).Chunk(OccludedCopiesAtOnce - 1))
        {
            var probabilities = _scorer.Probabilities([text, .. chunk.Select(span => string.Concat(text.AsSpan(0, span.Start), Placeholder, text.AsSpan(span.End)))]);
            words.AddRange(chunk.Select((span, i) =>
                new WordContribution(span, text.Substring(span.Start, span.Length), probabilities[0]!.Value - probabilities[i + 1]!.Value)));
        }
        return new Explanation(text, original, words);
    }

    public void Dispose() => _scorer.Dispose();
}
