using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests;

/// <summary>The model zips the repository ships in models/, which travel with the tests.</summary>
internal static class ShippedModels
{
    public static readonly string[] Files = ["imdb-sentiment.zip", "imdb-sentiment-ngram.zip", "imdb-sentiment-best.zip"];

    public static string PathOf(string file) => Path.Combine(DataFixtures.FindRepoRoot()!, "models", file);
}
