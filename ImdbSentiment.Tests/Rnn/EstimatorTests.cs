using ImdbSentiment.Model;
using ImdbSentiment.Model.Rnn;
using ImdbSentiment.Model.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.Rnn;

[TestClass]
public sealed class EstimatorTests
{
    [TestMethod]
    [DataRow(RecurrentArchitecture.OneHotRnn, 4081)]
    [DataRow(RecurrentArchitecture.EmbeddingRnn, 8209)]
    public void TrainableParameterCounts_EqualKeras(RecurrentArchitecture architecture, int expected)
    {
        TorchRuntime.EnsureLoaded();
        using var network = RecurrentSentimentEstimator.CreateNetwork(new RecurrentTrainerOptions { Architecture = architecture });
        Assert.AreEqual(expected, network.TrainableParameterCount);
        Assert.AreEqual(expected, ModelSummary.Describe(new RecurrentTrainerOptions { Architecture = architecture }, maxLength: 100).TotalParameters);
    }

    [TestMethod]
    [DataRow(RecurrentArchitecture.OneHotRnn)]
    [DataRow(RecurrentArchitecture.EmbeddingRnn)]
    public void ReloadedZip_MatchesTorchSharpProbabilities(RecurrentArchitecture architecture)
    {
        var ml = new MLContext(seed: 1);
        var reviews = SyntheticReviews.Create(1200, seed: 3);
        var data = ml.Data.LoadFromEnumerable(reviews);
        var featurizer = new ReviewFeaturizerEstimator(ml, new FeaturizerOptions { VocabularySize = 30, MaxLength = 20 }).Fit(data);
        var featurized = featurizer.Transform(data);
        var options = new RecurrentTrainerOptions { Architecture = architecture, VocabularySize = 30, Epochs = 2, LearningRate = 1e-2 };
        var trained = new RecurrentSentimentEstimator(ml, options).Train(featurized, featurized);
        var path = Path.Combine(Path.GetTempPath(), $"model-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(featurizer.Append(trained.Transformer), data.Schema, path);

            var reloaded = new MLContext().Model.Load(path, out _);
            var onnxProbabilities = reloaded.Transform(data).GetColumn<float>(ColumnNames.Probability).ToArray();
            using var tensors = SequenceTensors.FromDataView(featurized);
            trained.Network.eval();
            using var noGrad = TorchSharp.torch.no_grad();
            var torchProbabilities = trained.Network.call(tensors.TokenIds).sigmoid().data<float>().ToArray();

            Assert.AreEqual(reviews.Length, onnxProbabilities.Length);
            var worst = onnxProbabilities.Zip(torchProbabilities, (a, b) => Math.Abs(a - b)).Max();
            Assert.IsLessThan(1e-5, worst, $"largest difference {worst}");
            Assert.IsTrue(onnxProbabilities.Distinct().Count() > 10, "the network should not give one answer to every review");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
