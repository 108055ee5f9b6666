using ImdbSentiment.Model.IO;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// train's data files must be different files: validating or testing on the training reviews makes early stopping and
/// the metrics meaningless, and a copy of the training file is the same reviews. Checked before anything is read.
/// </summary>
internal static class DistinctInputs
{
    public static void Require(params (string Flag, string? Path)[] inputs)
    {
        var files = inputs.Where(input => File.Exists(input.Path)).ToArray();
        for (var later = 1; later < files.Length; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var ((flag, path), (otherFlag, otherPath)) = (files[later], files[earlier]);
                var relation = CanonicalPath.SameFile(path!, otherPath!) ? "is the same file as" : SameContent(path!, otherPath!) ? "holds the same bytes as" : null;
                if (relation is not null)
                    throw new UsageException($"{flag} {path} {relation} {otherFlag} {otherPath}: its reviews would be the training reviews; give a file of other reviews, or leave {flag} out.");
            }
        }
    }

    private static bool SameContent(string path, string otherPath)
    {
        if (new FileInfo(path).Length != new FileInfo(otherPath).Length)
            return false;
        using var first = File.OpenRead(path);
        using var second = File.OpenRead(otherPath);
        var (one, two) = (new byte[64 * 1024], new byte[64 * 1024]);
        for (int read; (read = first.ReadAtLeast(one, one.Length, throwOnEndOfStream: false)) > 0;)
        {
            second.ReadExactly(two, 0, read);
            if (!one.AsSpan(0, read).SequenceEqual(two.AsSpan(0, read)))
                return false;
        }
        return true;
    }
}
