namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// How two networks were fused (<see cref="LateFusion"/>): the fused logit is PartnerWeight x the partner's logit +
/// NetworkWeight x the network's + Bias, the three fitted on the validation reviews, where each network alone and the
/// fusion scored the accuracies given (before any refit).
/// </summary>
public sealed record FusionResult(float PartnerWeight, float NetworkWeight, float Bias, double ValidationAccuracy)
{
    /// <summary>The partner's own training run.</summary>
    public TrainingResult? Partner { get; init; }

    public double PartnerValidationAccuracy { get; init; }

    public double NetworkValidationAccuracy { get; init; }

    /// <summary>Unlabelled reviews the partner labelled for the network to train on (all of them); 0 for none.</summary>
    public long PseudoLabelledReviews { get; init; }

    /// <summary>Unlabelled reviews the partner labelled confidently enough to train on them itself; 0 for none.</summary>
    public long PartnerPseudoLabelledReviews { get; init; }
}
