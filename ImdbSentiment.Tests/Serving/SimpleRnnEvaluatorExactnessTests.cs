using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// The managed simple-RNN evaluator gives onnxruntime's logit and probability bit for bit (batch of one): on real
/// reviews of the shipped seed model featurized as score featurizes them, on edge rows (all padding, all
/// out-of-vocabulary, a review longer than the maximum length), and on other widths and unit counts of the family
/// (the one-hot network's identity input kernel, unit counts that take MLAS's pair and single reductions, widths
/// that are not a multiple of eight). The comparison catches an evaluator one weight ulp away.
/// </summary>
[TestClass]
public sealed class SimpleRnnEvaluatorExactnessTests
{
    private const int EveryNthReview = 10;

    private static string SeedModelPath => Path.Combine(DataFixtures.FindRepoRoot()!, "models", "imdb-sentiment.zip");

    [TestInitialize]
    public void RequireTheReproducedKernels() => ReproducedKernels.Require();

    [TestMethod]
    public void SeedModel_RealReviews_GetTheSessionsBits()
    {
        var (featurizer, session, graph) = OpenSeed();
        using (session)
        {
            var rows = FeaturizedReviews(featurizer);
            Assert.IsGreaterThanOrEqualTo(2_000, rows.Count);

            Assert.AreEqual(0, SimpleRnnSelfCheck.Mismatches(new SimpleRnnEvaluator(graph), session, rows));
        }
    }

    [TestMethod]
    public void SeedModel_OneUlpOffInADenseOrRecurrentWeight_IsCaught()
    {
        var (featurizer, session, graph) = OpenSeed();
        using (session)
        {
            var rows = FeaturizedReviews(featurizer).Take(500).ToList();
            var recurrent = DirectNetworkEvaluatorChoiceTests.OneUlpUp(graph.RecurrentWeights, 3);

            Assert.IsGreaterThan(0, SimpleRnnSelfCheck.Mismatches(new SimpleRnnEvaluator(graph with { DenseBias = MathF.BitIncrement(graph.DenseBias) }), session, rows));
            Assert.IsGreaterThan(0, SimpleRnnSelfCheck.Mismatches(new SimpleRnnEvaluator(graph with { RecurrentWeights = recurrent }), session, rows));
        }
    }

    [TestMethod]
    public void SeedModel_EdgeRows_GetTheSessionsBits()
    {
        var (featurizer, session, graph) = OpenSeed();
        using (session)
        {
            var length = featurizer.MaxLength;
            var ids = new List<long>();
            long[] Featurized(string text)
            {
                var row = new long[length];
                featurizer.WriteTokenIds(text, row, ids);
                return row;
            }
            long[][] rows =
            [
                new long[length],
                Enumerable.Repeat(Vocabulary.OutOfVocabularyId, length).ToArray(),
                Enumerable.Repeat((long)graph.VocabularySize - 1, length).ToArray(),
                Featurized(string.Join(' ', Enumerable.Repeat("qzxv", 3 * length))),
                Featurized(string.Join(' ', Enumerable.Repeat("a wonderful film, brilliant and moving", length))),
                Featurized(string.Join(' ', Enumerable.Repeat("awful boring waste", length))),
                Featurized("x"),
            ];

            Assert.AreEqual(0, SimpleRnnSelfCheck.Mismatches(new SimpleRnnEvaluator(graph), session, rows));
        }
    }

    [TestMethod]
    [DataRow(8, 8, true, DisplayName = "one-hot, 8 units")]
    [DataRow(7, 7, true, DisplayName = "one-hot, 7 units (a pair and a single)")]
    [DataRow(16, 8, false, DisplayName = "embedding 16, 8 units")]
    [DataRow(12, 6, false, DisplayName = "embedding 12, 6 units (a pair)")]
    [DataRow(3, 5, false, DisplayName = "embedding 3, 5 units (a single)")]
    [DataRow(20, 12, false, DisplayName = "embedding 20, 12 units (a width past eight)")]
    public void OtherShapesOfTheFamily_GetTheSessionsBits(int width, int units, bool oneHot)
    {
        const int Vocabulary = 300, Length = 60;
        var random = new Random(width * 100 + units);
        float[] Uniform(int count, double scale) => [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale))];
        var weights = new SimpleRnnWeights(Vocabulary, width, units,
            Uniform(Vocabulary * width, oneHot ? 0.8 : 0.3),
            oneHot ? [.. Enumerable.Range(0, units * units).Select(i => i / units == i % units ? 1f : 0f)] : Uniform(units * width, 0.6),
            Uniform(units * units, 0.7), Uniform(units, 0.2), oneHot ? new float[units] : Uniform(units, 0.2), Uniform(units, 1.5), Uniform(1, 0.3));
        var bytes = SentimentNetworkExporter.Compose("simple_rnn", true, false, [(graph, logit) => SimpleRnnOnnx.Add(graph, weights, logit)]);
        using var options = SingleThreaded();
        using var session = new InferenceSession(bytes, options);

        var graph = SimpleRnnGraph.TryRead(bytes);
        Assert.IsNotNull(graph);
        var rows = SimpleRnnSelfCheck.Probes(Vocabulary, Length).Concat(SimpleRnnSelfCheck.Probes(Vocabulary, 7));

        Assert.AreEqual(0, SimpleRnnSelfCheck.Mismatches(new SimpleRnnEvaluator(graph), session, rows));
    }

    private static (DirectFeaturizer Featurizer, InferenceSession Session, SimpleRnnGraph Graph) OpenSeed()
    {
        var (state, network) = SavedChainReader.TryRead(SeedModelPath)!.Value;
        var graph = SimpleRnnGraph.TryRead(network.Bytes);
        Assert.IsNotNull(graph, "the seed model's graph is the simple RNN's");
        using var options = SingleThreaded();
        return (new DirectFeaturizer(state), new InferenceSession(network.Bytes, options), graph);
    }

    private static SessionOptions SingleThreaded() =>
        new() { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };

    private static List<long[]> FeaturizedReviews(DirectFeaturizer featurizer)
    {
        var ids = new List<long>();
        return [.. AclImdbReader.Read(SharedAclImdbArchiveTests.ArchivePath(), "train")
            .Where((_, index) => index % EveryNthReview == 0)
            .Select(review =>
            {
                var row = new long[featurizer.MaxLength];
                featurizer.WriteTokenIds(review.Text, row, ids);
                return row;
            })];
    }
}
