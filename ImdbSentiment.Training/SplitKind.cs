using ImdbSentiment.Model;

namespace ImdbSentiment.Training;

/// <summary>How the validation share of the training data is drawn.</summary>
public enum SplitKind
{
    /// <summary>Random reviews, seeded (Keras's validation_split on shuffled data).</summary>
    Random,

    /// <summary>Whole groups (the aclImdb movies, or a CSV's group column), seeded, so validation reviews are of unseen movies.</summary>
    Group,
}

/// <summary>The names of <see cref="SplitKind"/> values: "movie" for groups, as aclImdb's groups are movies.</summary>
internal static class SplitKindNames
{
    public static NameTable<SplitKind> Table { get; } = new((SplitKind.Random, "random"), (SplitKind.Group, "movie"));
}
