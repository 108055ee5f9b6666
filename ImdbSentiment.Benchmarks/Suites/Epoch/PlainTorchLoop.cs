using System.Diagnostics;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Benchmarks.Suites.Epoch;

/// <summary>
/// The baseline's training loop, as a TorchSharp user would write it: RMSprop, BCE with logits, a seeded shuffle
/// each epoch and a no-grad validation pass. Its shuffle generator is seeded like the project's trainer's, so both
/// see the same batches, and it keeps the same per-batch loss and accuracy bookkeeping, so only the network differs.
/// </summary>
internal static class PlainTorchLoop
{
    public static EpochRun Train(nn.Module<FeatureBatch, Tensor> network, SequenceTensors training, SequenceTensors validation, SentimentNetworkOptions options)
    {
        using var optimizer = optim.RMSProp(network.parameters(), options.Optimizer.LearningRate);
        using var shuffler = new Generator((ulong)options.Seed);
        var seconds = new List<double>();
        var accuracy = 0.0;
        for (var epoch = 0; epoch < options.Fit.Epochs; epoch++)
        {
            var start = Stopwatch.GetTimestamp();
            TrainOneEpoch(network, optimizer, training, shuffler, options.Fit.BatchSize);
            accuracy = TrainingLoop.Evaluate(network, validation, options.Fit.EvaluationBatchSize).Accuracy;
            seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return new EpochRun(get_num_threads(), seconds, accuracy);
    }

    private static void TrainOneEpoch(nn.Module<FeatureBatch, Tensor> network, optim.Optimizer optimizer, SequenceTensors data, Generator shuffler, int batchSize)
    {
        network.train();
        using var order = randperm(data.Count, generator: shuffler);
        double lossSum = 0, correct = 0;
        for (long start = 0; start < data.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var indices = order.narrow(0, start, Math.Min(batchSize, data.Count - start));
            var labels = data.Labels.index_select(0, indices);
            var logits = network.call(data.Batch(indices));
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, labels);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * indices.shape[0];
            correct += TrainingLoop.CountCorrect(logits, labels);
        }
    }
}
