
namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// Keras's EarlyStopping on validation loss: improvement means a decrease of more than <c>minDelta</c>; training
/// stops after <c>patience</c> epochs without one. Epochs up to <c>startFromEpoch</c> are not monitored at all.
/// </summary>
internal sealed class EarlyStopping(int patience, double minDelta, int startFromEpoch)
{
    private int _epochsWithoutImprovement;

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>1-based epoch with the best monitored validation loss; 0 before any.</summary>
    public int BestEpoch { get; private set; }

    public bool ShouldStop => _epochsWithoutImprovement > 0 && _epochsWithoutImprovement >= patience;

    /// <summary>Records an epoch's validation loss; true when it is the new best.</summary>
    public bool Observe(int epoch, double validationLoss)
    {
        if (epoch <= startFromEpoch)
            return false;

        if (validationLoss < BestLoss - minDelta)
        {
            BestLoss = validationLoss;
            BestEpoch = epoch;
            _epochsWithoutImprovement = 0;
            return true;
        }

        _epochsWithoutImprovement++;
        return false;
    }
}
