using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Export;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Export;

/// <summary>A shipped model exported into a fresh folder, and the reviews the export tests score with it.</summary>
internal sealed class ExportedModel : IDisposable
{
    /// <summary>Texts that probe the text rules' edges: line-break tags, case, non-English letters, digits that are not decimal, letters beyond U+FFFF.</summary>
    public static readonly string[] EdgeReviews =
    [
        "",
        "great<BR/>film<br  />bad<br / >x<bR>y<br>z <brave> <b r>",
        "ΟΔΟΣ ΣΑΣ İstanbul ẞ ǅemal Ǆ ÀÉÎÕÜ",
        "½ ² Ⅻ ١٢٣ ０１２ films 𝐀𝐁𝐂 great 😀 wonderful",
        "don't WON'T l'amour 'quoted' rock'n'roll",
        "ﬁne ＡＢＣ ǈ Ω K Å",
    ];

    private readonly DataFixtures _folder = new();

    public ExportedModel(string modelFile)
    {
        ModelPath = Path.Combine(DataFixtures.FindRepoRoot()!, "models", modelFile);
        Folder = _folder.PathOf("export");
        Summary = ModelExporter.Export(ModelPath, Folder);
    }

    public string ModelPath { get; }

    public string Folder { get; }

    public ExportSummary Summary { get; }

    public string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>Every <paramref name="stride"/>-th review of the shared archive, one line each, then <see cref="EdgeReviews"/>.</summary>
    public static string[] Reviews(int stride) =>
        AclImdbReader.Read(SharedAclImdbArchiveTests.ArchivePath(), "train")
            .Where((_, i) => i % stride == 0)
            .Select(review => review.Text.Replace('\r', ' ').Replace('\n', ' '))
            .Concat(EdgeReviews)
            .ToArray();

    public void Dispose() => _folder.Dispose();
}
