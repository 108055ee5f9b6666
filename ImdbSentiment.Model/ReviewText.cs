namespace ImdbSentiment.Model;

/// <summary>
/// The one empty-text rule of every command: a review with no letter or digit (empty, blank, or only punctuation)
/// has nothing to classify, so it is refused, or given an empty result where the user asks for that.
/// </summary>
public static class ReviewText
{
    /// <summary>How error messages describe a review that breaks the rule.</summary>
    public const string NoWords = "is empty or has no words (no letter or digit)";

    public static bool HasWords(string? text)
    {
        foreach (var c in text ?? "")
        {
            if (char.IsLetterOrDigit(c))
                return true;
        }
        return false;
    }
}
