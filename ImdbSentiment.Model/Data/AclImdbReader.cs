using System.Text.RegularExpressions;

namespace ImdbSentiment.Model.Data;

/// <summary>The reviews one read of an aclImdb data set gives: the splits, the unlabelled reviews when asked for.</summary>
/// <param name="Test">Null when the data set has no test/ split (as the shared training archive).</param>
/// <param name="HasMovies">True when url lists gave every labelled review its movie (<see cref="LabeledReview.Group"/>).</param>
public sealed record AclImdbDataset(
    IReadOnlyList<LabeledReview> Train, IReadOnlyList<LabeledReview>? Test, IReadOnlyList<string> Unlabelled, bool HasMovies);

/// <summary>
/// Reads the Large Movie Review Dataset in its official layout, aclImdb/{train,test}/{pos,neg}/*.txt, from an
/// extracted folder or straight from the .tar.gz, in one pass: the labelled splits, the url lists (each review's movie
/// becomes its <see cref="LabeledReview.Group"/>) and, when asked, train/unsup/. Other content (.feat files) is ignored.
/// </summary>
public static partial class AclImdbReader
{
    public static IReadOnlyList<string> Splits { get; } = ["train", "test"];

    /// <summary>True for a directory, or a path ending in .tar.gz or .tgz (whether or not it exists).</summary>
    public static bool IsAclImdb(string path) => Directory.Exists(path) || IsArchiveName(path);

    /// <summary>
    /// Every split in one pass. Each split lists its positive reviews, then its negative ones, each in ordinal order of
    /// file name, so a folder and its archive give the same sequence.
    /// </summary>
    /// <exception cref="DataFormatException">train/ lacks a class, or test/ exists but lacks a class.</exception>
    public static AclImdbDataset ReadAll(string path, bool unlabelled = false)
    {
        var contents = Open(path).ReadAll(unlabelled);
        var present = contents.Reviews.Where(r => r.Label is not null).Select(r => r.Split).ToHashSet();
        var train = LabelledSplit(contents, "train") ?? throw MissingSplit(path, "train", contents);
        var test = present.Contains("test") ? LabelledSplit(contents, "test") ?? throw MissingSplit(path, "test", contents) : null;
        var unlabelledTexts = contents.Reviews
            .Where(r => r.Label is null)
            .OrderBy(r => r.FileName, StringComparer.Ordinal)
            .Select(r => r.Text)
            .ToArray();
        var hasMovies = train.All(review => review.Group.Length > 0) && (test?.All(review => review.Group.Length > 0) ?? true);
        return new AclImdbDataset(train, test, unlabelledTexts, hasMovies);
    }

    /// <summary>Whether the data set holds reviews in both pos/ and neg/ of <paramref name="split"/>; scans a whole archive.</summary>
    public static bool HasSplit(string path, string split)
    {
        CheckSplitName(split);
        return LabelledSplit(Open(path).ReadAll(unlabelled: false), split) is not null;
    }

    /// <summary>
    /// What evaluation reads, in one pass: the test/ split when the data set has one (a test/ with a class missing is an
    /// error), else train/; a data set of test/ alone is evaluated like the official archive.
    /// </summary>
    public static (string Split, IReadOnlyList<LabeledReview> Reviews) ReadEvaluationSplit(string path)
    {
        var contents = Open(path).ReadAll(unlabelled: false);
        var split = contents.Reviews.Exists(review => review.Split == "test" && review.Label is not null) ? "test" : "train";
        return (split, LabelledSplit(contents, split) ?? throw MissingSplit(path, split, contents));
    }

    /// <summary>The reviews of <paramref name="split"/> ("train" or "test"), ordered as <see cref="ReadAll"/> orders them.</summary>
    public static IReadOnlyList<LabeledReview> Read(string path, string split)
    {
        CheckSplitName(split);
        var contents = Open(path).ReadAll(unlabelled: false);
        return LabelledSplit(contents, split) ?? throw MissingSplit(path, split, contents);
    }

    /// <summary>The movie's IMDB id ("tt0453418") in a url list's line, or the whole line when it has none.</summary>
    public static string MovieOf(string url) => MovieId().Match(url) is { Success: true } match ? match.Value : url;

    [GeneratedRegex(@"tt\d+")]
    private static partial Regex MovieId();

    private static List<LabeledReview>? LabelledSplit(AclImdbContents contents, string split)
    {
        var files = contents.Reviews.Where(r => r.Split == split && r.Label is not null).ToList();
        if (AclImdbLayout.Classes.Any(c => !files.Exists(file => file.Label == c.Label)))
            return null;
        return files
            .OrderByDescending(file => file.Label)
            .ThenBy(file => file.FileName, StringComparer.Ordinal)
            .Select(file => new LabeledReview { Text = file.Text, Label = file.Label!.Value, Group = Movie(contents, file) })
            .ToList();
    }

    // A review the url lists do not cover has no movie: reading still works, and what needs movies (a movie split,
    // the development-test set) refuses such a data set with a message of its own.
    private static string Movie(AclImdbContents contents, AclImdbReviewFile file) =>
        contents.UrlLists.TryGetValue((file.Split, file.ClassFolder), out var urls) && file.Id is { } id && id < urls.Length
            ? MovieOf(urls[id])
            : "";

    private static bool IsArchiveName(string path) =>
        path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    private static IAclImdbSource Open(string path)
    {
        if (Directory.Exists(path))
            return new AclImdbFolder(path);
        if (!IsArchiveName(path))
            throw new DirectoryNotFoundException($"IMDB data set not found: {path} is neither a folder nor a .tar.gz/.tgz archive.");
        if (!File.Exists(path))
            throw new FileNotFoundException($"IMDB archive not found: {path}", path);
        return new AclImdbArchive(path);
    }

    private static void CheckSplitName(string split)
    {
        if (!Splits.Contains(split))
            throw new ArgumentException($"Unknown aclImdb split '{split}': expected {string.Join(" or ", Splits)}.", nameof(split));
    }

    private static DataFormatException MissingSplit(string path, string split, AclImdbContents contents)
    {
        var found = Splits.Where(s => LabelledSplit(contents, s) is not null).ToArray();
        var present = found.Length == 0 ? "none" : string.Join(", ", found);
        return new DataFormatException(path, null,
            $"no complete '{split}' split: expected reviews in aclImdb/{split}/pos/*.txt and aclImdb/{split}/neg/*.txt; complete splits found: {present}");
    }
}
