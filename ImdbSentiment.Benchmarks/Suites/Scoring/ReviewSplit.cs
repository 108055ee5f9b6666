using ImdbSentiment.Model.Data;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>The project's seeded 80/20 split as lists: the 20,000 reviews the models train on and the 5,000 held out.</summary>
internal static class ReviewSplit
{
    public static (IReadOnlyList<LabeledReview> Training, IReadOnlyList<LabeledReview> Validation) Of(IReadOnlyList<LabeledReview> reviews, int seed = 42)
    {
        var mlContext = new MLContext(seed);
        var (training, validation) = TrainValidationSplit.Split(mlContext, mlContext.Data.LoadFromEnumerable(reviews), reviews.Count, 0.2, seed);
        return (ToList(mlContext, training), ToList(mlContext, validation));
    }

    private static List<LabeledReview> ToList(MLContext mlContext, IDataView data) =>
        mlContext.Data.CreateEnumerable<LabeledReview>(data, reuseRowObject: false).ToList();
}
