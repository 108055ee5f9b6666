using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Model.Explain;

/// <summary>
/// One word of a review and how much it moved the prediction: the probability of positive with the word minus the
/// probability with the word occluded. Positive pushes toward "positive", negative toward "negative".
/// </summary>
/// <param name="Span">Where the word is in the review's text.</param>
/// <param name="Word">The word as the review spells it (the model reads it in lower case).</param>
public sealed record WordContribution(WordSpan Span, string Word, float Contribution);
