using System.Globalization;
using ImdbSentiment.Model.Explain;

namespace ImdbSentiment.Trainer.Output;

/// <summary>
/// How strongly explain's renderings colour a word: its contribution's magnitude relative to the review's strongest
/// word (which gets full colour), so a review whose words barely matter still shows which matter most.
/// </summary>
internal sealed class ContributionScale(Explanation explanation)
{
    private readonly float _strongest = explanation.Words.Select(word => Math.Abs(word.Contribution)).DefaultIfEmpty().Max();

    /// <summary>From 0 (no effect) to 1 (the strongest word).</summary>
    public float Intensity(WordContribution word) => _strongest > 0 ? Math.Abs(word.Contribution) / _strongest : 0;

    /// <summary>"+0.1234", "-0.0056", or "0.0000" for a change that rounds to nothing.</summary>
    public static string Signed(float contribution) => contribution.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture);
}
