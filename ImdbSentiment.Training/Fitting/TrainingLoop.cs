using System.Diagnostics;
using ImdbSentiment.Training.Networks;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// The training loop: Keras's RMSprop (rho 0.9, epsilon 1e-7) or torch's Adam (an n-gram bag with a learning rate and
/// weight decay of its own), optional gradient-norm clipping (of every parameter but the n-gram bag's), binary
/// cross-entropy, a seeded shuffle each epoch, early stopping on validation loss, the best weights restored and
/// checkpointed. Cancellation stops after the current batch; a loss that is not a finite number stops training with a
/// <see cref="TrainingDivergedException"/> and removes the checkpoint this run wrote.
/// </summary>
internal sealed class TrainingLoop(SentimentNetworkOptions options, ITrainingMonitor? monitor = null)
{
    public TrainingResult Train(SentimentNetworkBase network, SequenceTensors training, SequenceTensors validation, CancellationToken cancellation = default)
    {
        using var optimizer = TrainingOptimizer.Create(options.Optimizer, network);
        using var shuffler = new Generator((ulong)options.Seed);
        var stopping = new EarlyStopping(options.Fit.Patience, options.Fit.MinDelta, options.Fit.StartFromEpoch);
        var history = new List<EpochMetrics>();
        WeightSnapshot? best = null;
        var cancelled = false;
        var checkpointed = false;
        try
        {
            for (var epoch = 1; epoch <= options.Fit.Epochs && !cancelled; epoch++)
            {
                var watch = Stopwatch.StartNew();
                var (loss, accuracy, completed) = TrainOneEpoch(network, optimizer, training, shuffler, epoch, cancellation);
                cancelled = !completed;
                if (cancelled && history.Count > 0)
                    break;

                var (validationLoss, validationAccuracy) = Evaluate(network, validation, options.Fit.EvaluationBatchSize, options.Fit.BatchShares);
                TrainingDivergedException.ThrowUnlessFinite(validationLoss, "validation loss", epoch, options.Seed);
                var metrics = new EpochMetrics(epoch, loss, accuracy, validationLoss, validationAccuracy, watch.Elapsed);
                history.Add(metrics);
                var improved = stopping.Observe(epoch, validationLoss);
                if (improved)
                {
                    best?.Dispose();
                    best = new WeightSnapshot(network);
                    if (options.Fit.CheckpointPath is not null)
                    {
                        CheckpointWriter.Write(network, options.Fit.CheckpointPath);
                        checkpointed = true;
                    }
                }

                monitor?.EpochEnded(metrics, improved);
                if (stopping.ShouldStop)
                    return Finish(network, best, history, stopping, stoppedEarly: true, cancelled: false);
            }

            return Finish(network, best, history, stopping, stoppedEarly: false, cancelled);
        }
        catch (TrainingDivergedException) when (checkpointed)
        {
            File.Delete(options.Fit.CheckpointPath!);
            throw;
        }
        finally
        {
            best?.Dispose();
        }
    }

    /// <summary>
    /// Trains <paramref name="epochs"/> epochs on <paramref name="training"/> with no validation and no early stopping,
    /// keeping the last weights: the refit on all the reviews once early stopping has chosen the epoch count.
    /// </summary>
    /// <returns>Whether every epoch ran (false when cancelled).</returns>
    public bool TrainEpochs(SentimentNetworkBase network, SequenceTensors training, int epochs, CancellationToken cancellation = default)
    {
        using var optimizer = TrainingOptimizer.Create(options.Optimizer, network);
        using var shuffler = new Generator((ulong)options.Seed);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var (loss, accuracy, completed) = TrainOneEpoch(network, optimizer, training, shuffler, epoch, cancellation);
            if (!completed)
                return false;
            monitor?.RefitEpochEnded(epoch, epochs, loss, accuracy, watch.Elapsed);
        }
        return true;
    }

    private static TrainingResult Finish(SentimentNetworkBase network, WeightSnapshot? best, List<EpochMetrics> history, EarlyStopping stopping, bool stoppedEarly, bool cancelled)
    {
        best?.RestoreInto(network);
        var bestEpoch = stopping.BestEpoch > 0 ? stopping.BestEpoch : history.LastOrDefault()?.Epoch ?? 0;
        return new TrainingResult(history, bestEpoch, stoppedEarly, cancelled);
    }

    private (double Loss, double Accuracy, bool Completed) TrainOneEpoch(
        SentimentNetworkBase network, ITrainingOptimizer optimizer, SequenceTensors training, Generator shuffler, int epoch, CancellationToken cancellation)
    {
        network.train();
        if (options.Network.WordVectors is { } vectors)
            network.WordEmbedding!.requires_grad = vectors.TrainsEmbeddingIn(epoch);
        var clipped = options.Optimizer.GradientClipNorm > 0 ? network.TrainableParameters().ExceptSame(network.NgramBagParameters()).ToArray() : null;
        var batches = Batches(network, training, shuffler);
        var gradient = new BatchGradient(network, options.Fit.BatchShares, options.Fit.Threads);
        double lossSum = 0, correct = 0;
        long seen = 0;
        for (var batch = 0; batch < batches.Length; batch++)
        {
            if (cancellation.IsCancellationRequested)
                return (lossSum / Math.Max(seen, 1), correct / Math.Max(seen, 1), false);

            using var scope = NewDisposeScope();
            var (loss, batchCorrect) = gradient.Compute(training, batches[batch], optimizer);
            TrainingDivergedException.ThrowUnlessFinite(loss, "training loss", epoch, options.Seed);
            if (clipped is not null)
                nn.utils.clip_grad_norm_(clipped, options.Optimizer.GradientClipNorm);
            optimizer.Step();

            var size = batches[batch].Length;
            seen += size;
            lossSum += loss * size;
            correct += batchCorrect;
            monitor?.BatchEnded(new BatchProgress(epoch, batch + 1, batches.Length, lossSum / seen, correct / seen));
        }

        return (lossSum / seen, correct / seen, true);
    }

    /// <summary>The epoch's batches of row indices: the seeded shuffle cut in order, or in length buckets for a network that masks padding.</summary>
    private long[][] Batches(SentimentNetworkBase network, SequenceTensors training, Generator shuffler)
    {
        using var order = randperm(training.Count, generator: shuffler);
        var rows = order.data<long>().ToArray();
        return network.MasksPadding
            ? LengthBuckets.Batches(rows, training.Lengths, options.Fit.BatchSize, shuffler)
            : [.. rows.Chunk(options.Fit.BatchSize)];
    }

    /// <summary>
    /// Mean binary cross-entropy and accuracy over a whole split, without gradients; with threads above 1 the batches are
    /// spread over that many threads of one libtorch thread each, and their sums added in batch order, so the result is
    /// the same on any thread count.
    /// </summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<FeatureBatch, Tensor> network, SequenceTensors data, int batchSize, int threads = 1)
    {
        var batches = LengthSortedBatches(network, data, batchSize);
        var sums = new (double Loss, double Correct)[BatchCount(batches, data, batchSize)];
        ForEachBatch(network, data, batches, batchSize, threads, (batch, _, labels, logits) =>
            sums[batch] = (nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction: nn.Reduction.Sum).item<float>(), CountCorrect(logits, labels)));
        return (sums.Sum(sum => sum.Loss) / data.Count, sums.Sum(sum => sum.Correct) / data.Count);
    }

    /// <summary>The network's logit for every row of <paramref name="data"/>, in row order, without gradients (batched as <see cref="Evaluate"/>).</summary>
    public static float[] Logits(nn.Module<FeatureBatch, Tensor> network, SequenceTensors data, int batchSize, int threads = 1)
    {
        var logits = new float[data.Count];
        ForEachBatch(network, data, LengthSortedBatches(network, data, batchSize), batchSize, threads, (_, rows, _, batchLogits) =>
        {
            var values = batchLogits.data<float>().ToArray();
            for (var i = 0; i < values.Length; i++)
                logits[rows[i]] = values[i];
        });
        return logits;
    }

    // A network that masks padding runs a batch's longest review's steps, so it is given reviews of similar lengths.
    private static long[][]? LengthSortedBatches(nn.Module<FeatureBatch, Tensor> network, SequenceTensors data, int batchSize) =>
        network is SentimentNetworkBase { MasksPadding: true } ? LengthBuckets.ByLength(data.Lengths, batchSize) : null;

    /// <summary>The length-sorted batches' count, or that of consecutive batches of <paramref name="batchSize"/> rows when there are none.</summary>
    private static int BatchCount(long[][]? batches, SequenceTensors data, int batchSize) => batches?.Length ?? (int)((data.Count + batchSize - 1) / batchSize);

    /// <summary>
    /// Runs the network in eval mode over every batch of the split (the length-sorted ones, or consecutive rows when null),
    /// giving each batch's index, rows, labels and logits to <paramref name="use"/>.
    /// </summary>
    private static void ForEachBatch(
        nn.Module<FeatureBatch, Tensor> network, SequenceTensors data, long[][]? batches, int batchSize, int threads, Action<int, long[], Tensor, Tensor> use)
    {
        network.eval();
        var batchCount = BatchCount(batches, data, batchSize);
        void RunBatch(int batch)
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var rows = batches is null ? RangeRows(data, batch * (long)batchSize, batchSize) : batches[batch];
            var (labels, features) = batches is null ? Range(data, batch * (long)batchSize, batchSize) : Rows(data, rows);
            use(batch, rows, labels, network.call(features));
        }

        if (threads == 1)
        {
            for (var batch = 0; batch < batchCount; batch++)
                RunBatch(batch);
        }
        else
        {
            // Each thread takes the next batch left, the last (longest, when bucketed by length) first: batches dealt out in
            // turn could leave one thread the longest ones and the other waiting (of five 1,000-review batches, one got three).
            var next = (int)batchCount;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                // As in BatchGradient: libtorch's thread count is per thread, and a pool thread would use every core.
                set_num_threads(1);
                for (var batch = Interlocked.Decrement(ref next); batch >= 0; batch = Interlocked.Decrement(ref next))
                    RunBatch(batch);
            });
        }
    }

    private static long[] RangeRows(SequenceTensors data, long start, int batchSize) =>
        [.. Enumerable.Range(0, (int)Math.Min(batchSize, data.Count - start)).Select(i => start + i)];

    private static (Tensor Labels, FeatureBatch Features) Range(SequenceTensors data, long start, int batchSize)
    {
        var length = Math.Min(batchSize, data.Count - start);
        return (data.Labels.narrow(0, start, length), data.Range(start, length));
    }

    private static (Tensor Labels, FeatureBatch Features) Rows(SequenceTensors data, long[] rows)
    {
        var indices = tensor(rows);
        return (data.Labels.index_select(0, indices), data.Batch(indices));
    }

    /// <summary>How many logits fall on the side of 0 their label is on (a teacher's probability counts by its side of 0.5).</summary>
    public static double CountCorrect(Tensor logits, Tensor labels) =>
        logits.gt(KeptScalars.Zero).eq(labels.gt(KeptScalars.Half)).sum().item<long>();
}
