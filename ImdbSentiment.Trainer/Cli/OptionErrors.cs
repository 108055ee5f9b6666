using System.Text.RegularExpressions;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// Rewrites an options object's validation error for the command line: the library names its properties
/// (VocabularySize) and ArgumentException adds "(Parameter ...)" and "Actual value was ..." lines; the user typed a flag.
/// </summary>
internal static class OptionErrors
{
    private static readonly Dictionary<string, string> FlagsByProperty = new(StringComparer.Ordinal)
    {
        ["VocabularySize"] = "--vocab-size",
        ["MaxLength"] = "--max-length",
        ["EmbeddingSize"] = "--embedding-size",
        ["WordVectors"] = "--word-vectors",
        ["FrozenEpochs"] = "--freeze-vectors-epochs",
        ["Dimensions"] = "--dimensions",
        ["Window"] = "--window",
        ["NegativeSamples"] = "--negative",
        ["MinCount"] = "--min-count",
        ["SubsamplingThreshold"] = "--subsample",
        ["Units"] = "--units",
        ["Layers"] = "--layers",
        ["Bidirectional"] = "--bidirectional",
        ["Dropout"] = "--dropout",
        ["DropsWholeTokens"] = "--drop-whole-tokens",
        ["Pooling"] = "--pooling",
        ["Algorithm"] = "--optimizer",
        ["GradientClipNorm"] = "--clip-norm",
        ["Architecture"] = "--architecture",
        ["NgramLength"] = "--ngrams",
        ["NgramVocabularySize"] = "--ngram-vocab-size",
        ["NgramLearningRate"] = "--ngram-learning-rate",
        ["NgramWeightDecay"] = "--ngram-weight-decay",
        ["NgramDropout"] = "--ngram-dropout",
        ["Epochs"] = "--epochs",
        ["BatchSize"] = "--batch-size",
        ["LearningRate"] = "--learning-rate",
        ["Patience"] = "--patience",
        ["MinDelta"] = "--min-delta",
        ["StartFromEpoch"] = "--start-from-epoch",
        ["InitializationTrials"] = "--init-trials",
        ["TrialEpochs"] = "--trial-epochs",
        ["Threads"] = "--threads",
        ["BatchShares"] = "--batch-shares",
        ["validationFraction"] = "--validation-fraction",
        ["ValidationFraction"] = "--validation-fraction",
        ["HasHeader"] = "--has-header",
        ["LabelColumn"] = "--label-col",
        ["TextColumn"] = "--text-col",
        ["SkipEmptyText"] = "--skip-empty",
        ["SkipBadRows"] = "--skip-bad-rows",
        ["Quoting"] = "--quoting",
    };

    /// <summary>Whether the error is about the value of a flag, which makes it a usage error.</summary>
    public static bool NamesAFlag(ArgumentException exception) => exception.ParamName is { } property && FlagsByProperty.ContainsKey(property);

    public static string Describe(ArgumentException exception)
    {
        var message = exception.Message;
        if (exception is ArgumentOutOfRangeException { ActualValue: { } actual })
            message = message.Replace($"{Environment.NewLine}Actual value was {actual}.", "", StringComparison.Ordinal);
        if (exception.ParamName is { } parameter)
            message = message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal);
        if (exception is ArgumentOutOfRangeException { ActualValue: { } value })
            message = $"{message.TrimEnd('.')}; got {value}.";
        return exception.ParamName is { } property ? NameFlag(message, property) : message;
    }

    /// <summary>The message with the library's name of a setting replaced by its flag, or prefixed with the flag where the message does not name it.</summary>
    public static string NameFlag(string message, string property)
    {
        if (!FlagsByProperty.TryGetValue(property, out var flag))
            return message;
        var named = Regex.Replace(message, $@"\b{Regex.Escape(property)}\b", flag);
        return named != message ? named : $"{flag}: {message}";
    }
}
