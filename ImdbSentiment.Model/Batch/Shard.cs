using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ImdbSentiment.Model.Batch;

/// <summary>
/// One of <see cref="Count"/> processes that split a set of inputs between them, 0-based as Kubernetes'
/// JOB_COMPLETION_INDEX and a Slurm array declared --array=0-(n-1) number them. An input goes to the shard given by a
/// stable hash of its file name alone (<see cref="Hash"/>): every machine computes the same split without talking to the others, whatever
/// path the inputs are mounted at, and an input added later never moves another one to a different shard (sorted
/// order taken round robin would balance the counts exactly, but adding one file would reassign all the files after
/// it, so shards that listed the folder before and after the addition would overlap and leave gaps).
/// </summary>
internal readonly record struct Shard
{
    private Shard(int index, int count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>Every input: the shard of a run that is not split.</summary>
    public static Shard All { get; } = new(0, 1);

    public int Index { get; }

    public int Count { get; }

    /// <summary>Parses INDEX/COUNT ("0/4"): 0 &lt;= INDEX &lt; COUNT.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Shard? shard, [NotNullWhen(false)] out string? problem)
    {
        shard = null;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = "expected INDEX/COUNT, two whole numbers such as 0/4 (the first of 4 processes)";
            return false;
        }
        if (count < 1)
        {
            problem = "expected a COUNT of at least 1";
            return false;
        }
        if (index >= count)
        {
            problem = count == 1
                ? "expected INDEX below COUNT: the only shard of 1 is 0/1 (shards are numbered from 0)"
                : $"expected INDEX below COUNT: the shards of {count} are 0/{count} to {count - 1}/{count} (numbered from 0)";
            return false;
        }
        shard = new Shard(index, count);
        problem = null;
        return true;
    }

    /// <exception cref="FormatException">Not INDEX/COUNT with 0 &lt;= INDEX &lt; COUNT; the message says what was expected.</exception>
    public static Shard Parse(string text) => TryParse(text, out var shard, out var problem) ? shard.Value : throw new FormatException(problem);

    /// <summary>Whether the input with this file name is this shard's to score.</summary>
    public bool Takes(string fileName) => (int)(Hash(fileName) % (ulong)Count) == Index;

    /// <summary>
    /// The first 8 bytes of the SHA-256 of the UTF-8 name, big-endian: well mixed even for names that differ in one
    /// digit (part-1.csv, part-2.csv), and easy to reproduce in any language to see which shard takes a file.
    /// </summary>
    internal static ulong Hash(string fileName) => BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(fileName)));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
