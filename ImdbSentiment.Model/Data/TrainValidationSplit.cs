using Microsoft.ML;

namespace ImdbSentiment.Model.Data;

/// <summary>
/// A seeded, exact train/validation split with ML.NET's own operators (ShuffleRows, SkipRows, TakeRows): the same
/// seed and data always give the same split, and 20% of 25,000 rows is exactly 5,000, as in the Keras recipe.
/// </summary>
internal static class TrainValidationSplit
{
    public static (IDataView Training, IDataView Validation) Split(MLContext mlContext, IDataView data, long rowCount, double validationFraction, int seed)
    {
        if (validationFraction is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation fraction must be between 0 and 1, e.g. 0.2.");

        var validationRows = (long)Math.Round(rowCount * validationFraction);
        if (validationRows < 1 || validationRows >= rowCount)
            throw new ArgumentException($"{rowCount} reviews are too few to keep {validationFraction:P0} for validation and train on the rest.", nameof(rowCount));

        // A pool as large as the data makes the shuffle a full permutation rather than a local one.
        var shuffled = mlContext.Data.ShuffleRows(data, seed, shufflePoolSize: (int)Math.Min(rowCount, int.MaxValue), shuffleSource: false);
        var cached = mlContext.Data.Cache(shuffled);
        return (mlContext.Data.SkipRows(cached, validationRows), mlContext.Data.TakeRows(cached, validationRows));
    }
}
