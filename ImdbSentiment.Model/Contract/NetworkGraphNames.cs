namespace ImdbSentiment.Model;

/// <summary>
/// The names the network's ONNX graph is bound by inside a model zip: what the trainer's export writes and what the
/// zip's output step and any other consumer of the graph read.
/// </summary>
public static class NetworkGraphNames
{
    /// <summary>Token ids [batch, time] (int64), when the network reads them.</summary>
    public const string TokenIdsInput = ColumnNames.TokenIds;

    /// <summary>N-gram ids [batch, n-grams] (int64), when the network reads them.</summary>
    public const string NgramIdsInput = ColumnNames.NgramIds;

    /// <summary>The logit [batch, 1] (float).</summary>
    public const string LogitOutput = "NetworkLogit";

    /// <summary>The sigmoid of the logit [batch, 1] (float).</summary>
    public const string ProbabilityOutput = "NetworkProbability";

    /// <summary>
    /// The graph's metadata entry that says, with the value "true", that padding ids in a token-id row change no logit
    /// (every branch that reads token ids skips them), so a batch's rows may be padded to its longest review instead of
    /// the featurizer's MaxLength.
    /// </summary>
    public const string IgnoresTokenPaddingMetadata = "ignores_token_padding";
}
