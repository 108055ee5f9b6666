using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.Rnn;

[TestClass]
public sealed class EstimatorTests
{
    /// <summary>The Keras recipe's 500 word ids.</summary>
    private static readonly NetworkInputs KerasInputs = new(500, 0);

    [TestMethod]
    [DataRow(NetworkArchitecture.OneHotRnn, 4081)]
    [DataRow(NetworkArchitecture.EmbeddingRnn, 8209)]
    public void TrainableParameterCounts_EqualKeras(NetworkArchitecture architecture, int expected)
    {
        TorchRuntime.EnsureLoaded();
        using var network = SentimentNetworkTrainer.CreateNetwork(new SentimentNetworkOptions { Network = new() { Architecture = architecture } }, KerasInputs);
        Assert.AreEqual(expected, network.TrainableParameterCount);
        Assert.AreEqual(expected, ModelSummary.Describe(new NetworkSettings { Architecture = architecture }, KerasInputs, maxLength: 100).TotalParameters);
    }

    [TestMethod]
    public void CnnParameterCount_MatchesItsSummary_AndKerasConv1D()
    {
        TorchRuntime.EnsureLoaded();
        var options = new SentimentNetworkOptions { Network = new() { Architecture = NetworkArchitecture.Cnn, Pooling = RecurrentPooling.Max } };
        using var network = SentimentNetworkTrainer.CreateNetwork(options, KerasInputs);
        // Embedding(500, 16) 8,000 + Conv1D(8 filters, width 3) 16 x 3 x 8 + 8 = 392 + Dense(1) 9, as Keras counts them.
        Assert.AreEqual(8401, network.TrainableParameterCount);
        Assert.AreEqual(8401, ModelSummary.Describe(options.Network, KerasInputs, maxLength: 100).TotalParameters);
    }

    [TestMethod]
    public void Cnn_RefusesLastPooling_NamingTheSetting()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new SentimentNetworkOptions { Network = new() { Architecture = NetworkArchitecture.Cnn } }.Validate());
        Assert.AreEqual("Pooling", error.ParamName);
    }

    // 1,200 synthetic reviews, vocabulary 30, 20 tokens, featurized once for every row below.
    private static readonly Lazy<FeaturizedData> ParityData = new(() => new FeaturizedData(1200, seed: 3));

    [TestMethod]
    [DataRow(NetworkArchitecture.OneHotRnn, 1, false, RecurrentPooling.Last, 0.0)]
    [DataRow(NetworkArchitecture.EmbeddingRnn, 1, false, RecurrentPooling.Last, 0.0)]
    [DataRow(NetworkArchitecture.Lstm, 1, false, RecurrentPooling.Last, 0.0)]
    [DataRow(NetworkArchitecture.Lstm, 1, false, RecurrentPooling.Max, 0.0)]
    [DataRow(NetworkArchitecture.Lstm, 1, true, RecurrentPooling.Last, 0.0)]
    [DataRow(NetworkArchitecture.Lstm, 1, true, RecurrentPooling.Max, 0.2)]
    [DataRow(NetworkArchitecture.Lstm, 2, false, RecurrentPooling.Last, 0.3)]
    [DataRow(NetworkArchitecture.Lstm, 2, false, RecurrentPooling.Max, 0.0)]
    [DataRow(NetworkArchitecture.Lstm, 2, true, RecurrentPooling.Last, 0.3)]
    [DataRow(NetworkArchitecture.Lstm, 2, true, RecurrentPooling.Max, 0.0)]
    [DataRow(NetworkArchitecture.Gru, 1, false, RecurrentPooling.Last, 0.0)]
    [DataRow(NetworkArchitecture.Gru, 1, false, RecurrentPooling.Max, 0.0)]
    [DataRow(NetworkArchitecture.Gru, 1, true, RecurrentPooling.Last, 0.0)]
    [DataRow(NetworkArchitecture.Gru, 1, true, RecurrentPooling.Max, 0.2)]
    [DataRow(NetworkArchitecture.Gru, 2, false, RecurrentPooling.Last, 0.3)]
    [DataRow(NetworkArchitecture.Gru, 2, false, RecurrentPooling.Max, 0.0)]
    [DataRow(NetworkArchitecture.Gru, 2, true, RecurrentPooling.Last, 0.0)]
    [DataRow(NetworkArchitecture.Gru, 2, true, RecurrentPooling.Max, 0.3)]
    [DataRow(NetworkArchitecture.Lstm, 1, true, RecurrentPooling.MaxMean, 0.2)]
    [DataRow(NetworkArchitecture.Lstm, 2, false, RecurrentPooling.MaxMean, 0.0)]
    [DataRow(NetworkArchitecture.Gru, 1, true, RecurrentPooling.MaxMean, 0.0)]
    [DataRow(NetworkArchitecture.Cnn, 1, false, RecurrentPooling.Max, 0.0)]
    public void ReloadedZip_MatchesTorchSharpProbabilities(NetworkArchitecture architecture, int layers, bool bidirectional, RecurrentPooling pooling, double dropout)
    {
        var options = FeaturizedData.Options(architecture).WithNetwork(network => network with { Layers = layers, Bidirectional = bidirectional, Pooling = pooling, Dropout = dropout }).WithFit(fit => fit with { Epochs = 2 });
        AssertReloadedZipMatchesTorchSharp(ParityData.Value, options);
    }

    // The same synthetic reviews with uni+bigram ids for the n-gram branch.
    private static readonly Lazy<FeaturizedData> NgramParityData = new(() => new FeaturizedData(1200, seed: 3, ngramLength: 2));

    [TestMethod]
    [DataRow(NetworkArchitecture.None)]
    [DataRow(NetworkArchitecture.Lstm)]
    [DataRow(NetworkArchitecture.EmbeddingRnn)]
    public void ReloadedZip_WithTheNgramBranch_MatchesTorchSharpProbabilities(NetworkArchitecture architecture)
    {
        var options = FeaturizedData.Options(architecture).WithNetwork(network => network with { NgramBranch = true }).WithOptimizer(optimizer => optimizer with { Algorithm = NetworkOptimizer.Adam }).WithFit(fit => fit with { Epochs = 2 });
        AssertReloadedZipMatchesTorchSharp(NgramParityData.Value, options);
    }

    [TestMethod]
    public void ReloadedZip_OfTwoFusedNetworks_MatchesTorchSharpProbabilities()
    {
        AssertReloadedZipMatchesTorchSharp(NgramParityData.Value, LateFusionTests.FusedOptions());
    }

    /// <summary>Trains, saves featurizer + network as one zip, reloads it with stock ML.NET and compares with TorchSharp's forward pass.</summary>
    internal static void AssertReloadedZipMatchesTorchSharp(FeaturizedData data, SentimentNetworkOptions options)
    {
        var trained = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.Featurized);
        var path = Path.Combine(Path.GetTempPath(), $"model-{Guid.NewGuid():N}.zip");
        try
        {
            data.MLContext.Model.Save(data.Featurizer.Append(trained.Transformer), data.Raw.Schema, path);
            (trained.Transformer as IDisposable)?.Dispose();

            var reloaded = new MLContext().Model.Load(path, out _);
            var onnxProbabilities = reloaded.Transform(data.Raw).GetColumn<float>(ColumnNames.Probability).ToArray();
            (reloaded as IDisposable)?.Dispose();
            using var tensors = SequenceTensors.FromDataView(data.Featurized);
            using var network = trained.Network;
            network.eval();
            using var noGrad = TorchSharp.torch.no_grad();
            var torchProbabilities = network.call(tensors.Range(0, tensors.Count)).sigmoid().data<float>().ToArray();

            Assert.AreEqual(data.Reviews.Length, onnxProbabilities.Length);
            var worst = onnxProbabilities.Zip(torchProbabilities, (a, b) => Math.Abs(a - b)).Max();
            Assert.IsLessThan(1e-5, worst, $"largest difference {worst}");
            Assert.IsGreaterThan(10, onnxProbabilities.Distinct().Count(), "the network should not give one answer to every review");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void EstimatorChain_FitsTheMlNetWay_AndScoresEveryRow()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(SyntheticReviews.Create(500, seed: 4));
        var pipeline = new ReviewFeaturizerEstimator(ml, new FeaturizerOptions { VocabularySize = 30, MaxLength = 20 })
            .Append(new SentimentNetworkTrainer(ml, new SentimentNetworkOptions { Optimizer = new() { LearningRate = 1e-2 }, Fit = new() { Epochs = 3 } }));

        var scored = pipeline.Fit(data).Transform(data);

        var labels = scored.GetColumn<bool>(ColumnNames.Label).ToArray();
        var predicted = scored.GetColumn<bool>(ColumnNames.PredictedLabel).ToArray();
        Assert.HasCount(500, predicted);
        Assert.IsGreaterThan(0.7, labels.Zip(predicted).Count(pair => pair.First == pair.Second) / 500.0);
    }
}
