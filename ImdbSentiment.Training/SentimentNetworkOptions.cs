using System.Text.Json.Serialization;
using ImdbSentiment.Model;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Training;

/// <summary>
/// The sentiment network trainer's settings, grouped as Keras groups them: the <see cref="Network"/>'s layers, the
/// <see cref="Optimizer"/> and the <see cref="Fit"/>. The defaults are the Keras recipe's with the fit's two guards on
/// (<see cref="FitSettings.KerasExact"/> turns them off). The vocabulary sizes are not among them: the trainer reads
/// them from the featurizer's output (<see cref="NetworkInputs.FromSchema"/>). <see cref="Progress"/> and
/// <see cref="Cancellation"/> are how a catalog user follows and stops a fit: ML.NET keeps a catalog's context internal.
/// </summary>
public sealed record SentimentNetworkOptions
{
    /// <summary>The label column (bool: true = positive) of the data given to Fit and of <see cref="FitSettings.ValidationSet"/>.</summary>
    public string LabelColumnName { get; init; } = ColumnNames.Label;

    /// <summary>Seeds the initial weights, the shuffling and dropout (not the validation split: <see cref="FitSettings.SplitSeed"/>).</summary>
    public int Seed { get; init; } = 42;

    public NetworkSettings Network { get; init; } = new();

    public OptimizerSettings Optimizer { get; init; } = new();

    public FitSettings Fit { get; init; } = new();

    /// <summary>
    /// A second network, trained apart on the same featurized reviews with settings of its own (e.g. the n-gram bag
    /// beside a recurrent network), and fused with this one: the model's logit is w1 x this network's + w2 x the
    /// partner's + b, the weights fitted on the validation reviews (<see cref="Fitting.LateFusion"/>). The partner trains
    /// first, and labels <see cref="FitSettings.UnlabelledSet"/> for this network and for itself when one is given. Null for one network.
    /// </summary>
    public SentimentNetworkOptions? FusedWith { get; init; }

    /// <summary>Told of every finished epoch (initialisation trials, the run early stopping watches, the refit), on the training thread.</summary>
    [JsonIgnore]
    public IProgress<EpochProgress>? Progress { get; init; }

    /// <summary>
    /// Stops a fit after the current batch: the network keeps the best weights so far (a refit under way is dropped
    /// for the early-stopping run's network), and the fitted model is still made from them.
    /// </summary>
    [JsonIgnore]
    public CancellationToken Cancellation { get; init; }

    /// <summary>A copy with the network settings changed: <c>options.WithNetwork(n => n with { Units = 32 })</c>.</summary>
    public SentimentNetworkOptions WithNetwork(Func<NetworkSettings, NetworkSettings> change) => this with { Network = change(Network) };

    /// <summary>A copy with the optimizer settings changed.</summary>
    public SentimentNetworkOptions WithOptimizer(Func<OptimizerSettings, OptimizerSettings> change) => this with { Optimizer = change(Optimizer) };

    /// <summary>A copy with the fit settings changed: <c>options.WithFit(f => f with { Epochs = 5 })</c>.</summary>
    public SentimentNetworkOptions WithFit(Func<FitSettings, FitSettings> change) => this with { Fit = change(Fit) };

    public void Validate()
    {
        Network.Validate();
        Optimizer.Validate();
        Fit.Validate();
        if (FusedWith is not { } partner)
        {
            Require(Fit.UnlabelledSet is null, nameof(FitSettings.UnlabelledSet), "null unless FusedWith names the network that labels it");
            return;
        }

        Require(partner.FusedWith is null, nameof(FusedWith), "a network without a partner of its own (two networks are fused at most)");
        Require(partner.Fit.UnlabelledSet is null, nameof(FusedWith) + "." + nameof(FitSettings.UnlabelledSet), "null: the unlabelled reviews are given to the network that names the partner, which labels them");
        partner.Validate();
    }

    /// <summary>Refuses a setting outside its range, naming it: the rule every group's ranges use.</summary>
    internal static void Require(bool valid, string name, string expected)
    {
        if (!valid)
            throw new ArgumentOutOfRangeException(name, $"{name} must be {expected}.");
    }

    /// <summary>Refuses a size setting over its ceiling, naming it, the ceiling and why there is one.</summary>
    internal static void RequireAtMost(int value, int most, string name, string why) => SettingCeiling.Require(value, most, name, why);
}
