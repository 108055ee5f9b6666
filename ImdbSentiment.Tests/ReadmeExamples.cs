namespace ImdbSentiment.Tests;

/// <summary>The reviews the README's predict example shows (the seed model misreads the short positive one; the README says so).</summary>
internal static class ReadmeExamples
{
    public const string Positive = "This film is a masterpiece: the acting is brilliant, the story moving, and I loved every minute of it.";
    public const string Negative = "The plot makes no sense, the acting is wooden and the jokes fall flat. A boring waste of two hours.";
    public const string ShortPositive = "an absolute masterpiece, I loved every minute";
    public const string ShortNegative = "a dull, boring waste of two hours";
}
