using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Rnn;

[TestClass]
public sealed class BatchSharesTests
{
    [TestMethod]
    [DataRow(NetworkArchitecture.EmbeddingRnn, 2)]
    [DataRow(NetworkArchitecture.Lstm, 2)]
    [DataRow(NetworkArchitecture.Gru, 3)]
    [DataRow(NetworkArchitecture.Cnn, 2)]
    public void SharesOfABatch_AddUpToTheWholeBatchsGradient(NetworkArchitecture architecture, int shares)
    {
        var data = new FeaturizedData(count: 90, seed: 5);
        var options = FeaturizedData.Options(architecture).WithNetwork(network => network with
        {
            Pooling = architecture == NetworkArchitecture.Cnn ? RecurrentPooling.Max : RecurrentPooling.Last,
        });
        using var training = SequenceTensors.FromDataView(data.Featurized);
        using var network = SentimentNetworkTrainer.CreateSeededNetwork(options, training);
        using var optimizer = TrainingOptimizer.Create(options.Optimizer, network);
        network.train();
        long[] rows = [.. Enumerable.Range(0, 64).Select(row => (long)row)];

        var whole = Gradients(new BatchGradient(network, 1), training, rows, optimizer, network);
        var shared = Gradients(new BatchGradient(network, shares), training, rows, optimizer, network);

        Assert.AreEqual(whole.Loss, shared.Loss, 1e-6);
        Assert.AreEqual(whole.Correct, shared.Correct);
        for (var i = 0; i < whole.Values.Length; i++)
        {
            var largest = whole.Values[i].Zip(shared.Values[i], (a, b) => Math.Abs(a - b)).Max();
            Assert.IsLessThan(1e-6, largest, $"parameter {i}: the shares' gradient differs by {largest}");
        }
        Assert.IsTrue(whole.Values.Any(values => values.Any(value => value != 0)), "the batch has a gradient at all");
    }

    [TestMethod]
    public void TrainingInShares_WithDropout_IsReproducible()
    {
        var data = new FeaturizedData(count: 150, seed: 6);
        var options = FeaturizedData.Options(NetworkArchitecture.Lstm)
            .WithNetwork(network => network with { Dropout = 0.3 })
            .WithFit(fit => fit with { Epochs = 2, BatchShares = 2 });

        var first = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.Featurized).Result.History;
        var second = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.Featurized).Result.History;

        CollectionAssert.AreEqual(first.Select(epoch => epoch.Loss).ToArray(), second.Select(epoch => epoch.Loss).ToArray());
        CollectionAssert.AreEqual(first.Select(epoch => epoch.ValidationLoss).ToArray(), second.Select(epoch => epoch.ValidationLoss).ToArray());
    }

    [TestMethod]
    [DataRow(NetworkArchitecture.Lstm)]
    [DataRow(NetworkArchitecture.EmbeddingRnn)]
    public void ValidationPass_OnTwoThreads_GivesExactlyTheOneThreadResult(NetworkArchitecture architecture)
    {
        var data = new FeaturizedData(count: 150, seed: 7);
        var options = FeaturizedData.Options(architecture);
        using var tensors = SequenceTensors.FromDataView(data.Featurized);
        using var network = SentimentNetworkTrainer.CreateSeededNetwork(options, tensors);

        var one = TrainingLoop.Evaluate(network, tensors, batchSize: 16);
        var two = TrainingLoop.Evaluate(network, tensors, batchSize: 16, threads: 2);

        Assert.AreEqual(one, two);
        Assert.IsGreaterThan(0, one.Loss);
    }

    private static (double Loss, double Correct, float[][] Values) Gradients(
        BatchGradient gradient, SequenceTensors training, long[] rows, ITrainingOptimizer optimizer, SentimentNetworkBase network)
    {
        using var scope = NewDisposeScope();
        var (loss, correct) = gradient.Compute(training, rows, optimizer);
        return (loss, correct, [.. network.TrainableParameters().Select(parameter => parameter.grad!.data<float>().ToArray())]);
    }
}
