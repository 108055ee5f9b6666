
namespace ImdbSentiment.Trainer.Download;

/// <summary>Where the official Large Movie Review Dataset archive lives, and what it must hash to.</summary>
internal static class AclImdbSource
{
    public const string Url = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz";

    public const string FileName = "aclImdb_v1.tar.gz";

    public const long SizeBytes = 84_125_825;

    public const string Sha256 = "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe";

    public static Uri Uri { get; } = new(Url);
}
