using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>
/// scoring: the project's model zip against an ML.NET FeaturizeText + AveragedPerceptron zip trained on the same
/// 20,000 reviews: PredictionEngine latency over the 5,000 validation reviews, and batch throughput over all reviews.
/// </summary>
internal sealed class ScoringSuite : ISuite
{
    private const double TargetReviewsPerSecond = 20_000, TargetMedianMicroseconds = 30;

    public string Name => "scoring";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        output.WriteLine("## scoring: PredictionEngine latency and batch throughput");
        output.WriteLine();

        using var folder = new TemporaryFolder();
        var (oursZip, origin) = ProjectModel.Locate(context, folder);
        var (training, validation) = ReviewSplit.Of(context.Reviews);
        Progress.Report($"scoring: training the baseline ({PerceptronBaselineModel.Description}) on {training.Count:N0} reviews...");
        var baselineZip = folder.File("baseline-averaged-perceptron.zip");
        PerceptronBaselineModel.Train(training, baselineZip);

        var csv = folder.File("reviews.csv");
        ReviewCsv.Write(context.Reviews, csv);
        var measurement = new ScoringMeasurement(validation, context.Reviews, csv, context.Runs);
        var table = new MarkdownTable("model and path", "zip", "load s", "Predict median us", "Predict p95 us", "CsvBatchScorer reviews/s", "Transform reviews/s", "accuracy (5,000 validation)");
        foreach (var (name, measure) in new (string, Func<ScoringResult>)[]
        {
            ("OURS: the zip through PooledSentimentPredictor (spec featurizer + onnxruntime); CsvBatchScorer", () => measurement.MeasurePredictor(oursZip)),
            ("BASELINE: the same zip through ML.NET (PredictionEngine, Transform)", () => measurement.MeasureEngine(oursZip)),
            ($"BASELINE: {PerceptronBaselineModel.Description} through ML.NET", () => measurement.MeasureEngine(baselineZip)),
        })
        {
            Progress.Report($"scoring: measuring {name}...");
            var result = measure();
            table.Add(name, Units.Bytes(result.ZipBytes), Units.Seconds(result.LoadSeconds), Units.Microseconds(result.MedianMicroseconds),
                Units.Microseconds(result.P95Microseconds), Optional(result.CsvReviewsPerSecond), Optional(result.TransformReviewsPerSecond),
                Units.Fraction(result.Accuracy));
        }

        table.WriteTo(output);
        output.WriteLine($"OURS: {origin}.");
        output.WriteLine($"Latency over the {validation.Count:N0} held-out reviews of the seeded split after a warm-up; throughput over all {context.Reviews.Count:N0} reviews " +
                         $"(CSV file in, CSV file out, for the scorer; an IDataView cursor reading Probability, for ML.NET), median of {context.Runs} runs. " +
                         $"Targets for OURS: >= {Units.PerSecond(TargetReviewsPerSecond)} reviews/s and <= {TargetMedianMicroseconds} us median.");
        output.WriteLine("The accuracy column only shows that a model scores sensibly: a shipped model may have trained on those reviews " +
                         "(it holds out the development-test set instead); the quality suite gives the held-out figures.");
        output.WriteLine();
        EngineStageLatency.Write(oursZip, validation, output);
    }

    private static string Optional(double? perSecond) => perSecond is { } value ? Units.PerSecond(value) : "-";
}
