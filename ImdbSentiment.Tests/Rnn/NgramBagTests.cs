using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

[TestClass]
public sealed class NgramBagTests
{
    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    private static SequenceTensors Featurized(MLContext ml, LabeledReview[] reviews, int ngramVocabularySize)
    {
        var data = ml.Data.LoadFromEnumerable(reviews);
        var featurizer = new ReviewFeaturizerEstimator(ml, new FeaturizerOptions { VocabularySize = 10, MaxLength = 5, NgramLength = 1, NgramVocabularySize = ngramVocabularySize }).Fit(data);
        return SequenceTensors.FromDataView(featurizer.Transform(data));
    }

    [TestMethod]
    [DoNotParallelize]
    public void Ratios_AreTheSmoothedLogCountRatios_AndTheLogitIsTheirWeightedSum()
    {
        var ml = new MLContext(seed: 1);
        // Reviews a word appears in: good 2 positive / 0 negative (id 1), plot 1 / 1 (id 2), bad 0 / 1 (id 3).
        LabeledReview[] reviews =
        [
            new() { Text = "good plot", Label = true },
            new() { Text = "good good", Label = true },
            new() { Text = "bad plot", Label = false },
        ];
        using var tensors = Featurized(ml, reviews, ngramVocabularySize: 4);
        using var bag = new NgramBagNetwork(4);
        bag.InitialiseFromData(tensors);

        // Over ids 1..3, p = 1 + positive counts = (3, 2, 1), sum 6; q = (1, 2, 2), sum 5; r = log((p / 6) / (q / 5)); r_0 = 0.
        var ratios = bag.state_dict()["ratios"].data<float>().ToArray();
        double Ratio(double p, double q) => Math.Log(p / 6 / (q / 5));
        Assert.AreEqual(0, ratios[0]);
        Assert.AreEqual(Ratio(3, 1), ratios[1], 1e-6);
        Assert.AreEqual(Ratio(2, 2), ratios[2], 1e-6);
        Assert.AreEqual(Ratio(1, 2), ratios[3], 1e-6);

        bag.eval();
        using var noGrad = no_grad();
        var weights = bag.state_dict()["weights"].data<float>().ToArray();
        var bias = bag.state_dict()["bias"].data<float>()[0];
        var logits = bag.call(tensors.Range(0, 3)).data<float>().ToArray();
        double Contribution(int id) => (weights[id] + 0.4) * ratios[id] / 10;
        Assert.AreEqual(bias + Contribution(1) + Contribution(2), logits[0], 1e-5, "good plot");
        Assert.AreEqual(bias + Contribution(1), logits[1], 1e-5, "good good counts good once");
        Assert.AreEqual(bias + Contribution(3) + Contribution(2), logits[2], 1e-5, "bad plot");
    }

    [TestMethod]
    [DoNotParallelize]
    public void TrainableParameterCounts_MatchTheSummary()
    {
        var bagOnly = new SentimentNetworkOptions { Network = new() { Architecture = NetworkArchitecture.None, NgramBranch = true } };
        var inputs = new NetworkInputs(500, 1000);
        var joint = bagOnly.WithNetwork(network => network with { Architecture = NetworkArchitecture.Lstm });
        using var bag = SentimentNetworkTrainer.CreateNetwork(bagOnly, inputs);
        using var both = SentimentNetworkTrainer.CreateNetwork(joint, inputs);

        Assert.AreEqual(1001, bag.TrainableParameterCount, "a weight per id and the bias; the ratios are fixed");
        Assert.AreEqual(1001, ModelSummary.Describe(bagOnly.Network, inputs, maxLength: 100).TotalParameters);
        Assert.AreEqual(1001 + 8841, both.TrainableParameterCount, "the bag and book-lstm's 8,841");
        Assert.AreEqual(both.TrainableParameterCount, ModelSummary.Describe(joint.Network, inputs, maxLength: 100).TotalParameters);
    }

    [TestMethod]
    [DataRow("ngram-bag", NetworkArchitecture.None, true)]
    [DataRow("ngram-bag+lstm", NetworkArchitecture.Lstm, true)]
    [DataRow("embedding-rnn", NetworkArchitecture.EmbeddingRnn, false)]
    public void NetworkNames_RoundTrip(string name, NetworkArchitecture architecture, bool ngramBranch)
    {
        Assert.AreEqual((architecture, ngramBranch), NetworkArchitectureNames.ParseNetwork(name));
        Assert.AreEqual(name, NetworkArchitectureNames.NetworkName(architecture, ngramBranch));
        CollectionAssert.Contains(NetworkArchitectureNames.NetworkNames.ToArray(), name);
    }

    [TestMethod]
    public void NoRecurrentNetwork_WithoutTheBag_IsRefused()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SentimentNetworkOptions { Network = new() { Architecture = NetworkArchitecture.None } }.Validate());
        Assert.Contains("n-gram branch", error.Message);
    }
}
