using ImdbSentiment.Model.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Model.Explain;

/// <summary>
/// Explains a prediction by occlusion, through the model zip's own pipeline: each word of the review in turn is
/// replaced by <see cref="Placeholder"/>, a word outside the model's vocabulary, and the review is scored again; the
/// word's contribution is the probability of positive with it minus the probability without it. A recurrent model
/// then reads the out-of-vocabulary id in the word's place (the sequence keeps its length and positions), and an
/// n-gram bag loses every n-gram that contains the word (they become unknown n-grams, which the bag drops).
/// Occlusion rather than integrated gradients: it needs only a PredictionEngine, so it explains every model zip
/// without TorchSharp and whatever its network, and it measures what the model really does with and without the word;
/// it costs one prediction per word. Words a model never reads (beyond a recurrent model's max length) contribute 0.
/// </summary>
public sealed class OcclusionExplainer
{
    /// <summary>
    /// Runic letters: one word to the tokenizer (letters, so they neither split nor vanish), and found in no English
    /// review, so in no vocabulary fitted on reviews; <see cref="IsOutOfVocabulary"/> checks it for the model at hand.
    /// </summary>
    public const string Placeholder = "ᛟᚲᛚᚢᛞᛖᛞ";

    private readonly PredictionEngine<ReviewInput, SentimentPrediction> _engine;
    private readonly ReviewInput _input = new();

    /// <exception cref="InvalidDataException">The model knows the placeholder word, so occluding with it would not hide a word.</exception>
    public OcclusionExplainer(SentimentModel model)
    {
        if (!IsOutOfVocabulary(model, Placeholder))
            throw new InvalidDataException($"{model.Path}: the model's vocabulary holds the word {Placeholder} that explain puts in place of each word, so it cannot occlude words with it");
        _engine = model.CreatePredictionEngine();
    }

    /// <exception cref="ArgumentException">The review has no words (see <see cref="ReviewText"/>).</exception>
    public Explanation Explain(string text)
    {
        if (!ReviewText.HasWords(text))
            throw new ArgumentException($"the review {ReviewText.NoWords}", nameof(text));

        var original = Predict(text);
        var words = ReviewTokenizer.WordSpans(text).Select(span =>
        {
            var occluded = string.Concat(text.AsSpan(0, span.Start), Placeholder, text.AsSpan(span.End));
            return new WordContribution(span, text.Substring(span.Start, span.Length), original.Probability - Predict(occluded).Probability);
        }).ToList();
        return new Explanation(text, original, words);
    }

    private SentimentPrediction Predict(string text)
    {
        _input.Text = text;
        return _engine.Predict(_input);
    }

    /// <summary>
    /// Whether the model reads <paramref name="word"/> as unknown: the featurizer gives it the out-of-vocabulary id
    /// (no word id) and, for an n-gram model, no n-gram id (only the padding id every row starts with).
    /// </summary>
    public static bool IsOutOfVocabulary(SentimentModel model, string word)
    {
        var row = model.MLContext.Data.LoadFromEnumerable([new ReviewInput { Text = word }]);
        var featurized = model.Transform(row);
        return MaxId(featurized, ColumnNames.TokenIds) < Vocabulary.ReservedIds
            && MaxId(featurized, ColumnNames.NgramIds) <= NgramIds.PaddingId;
    }

    // 0 when the model has no such column (a model without an n-gram branch).
    private static long MaxId(IDataView view, string column)
    {
        if (view.Schema.GetColumnOrNull(column) is not { } ids)
            return 0;
        using var cursor = view.GetRowCursor([ids]);
        var getter = cursor.GetGetter<VBuffer<long>>(ids);
        var values = default(VBuffer<long>);
        cursor.MoveNext();
        getter(ref values);
        return values.DenseValues().DefaultIfEmpty().Max();
    }
}
