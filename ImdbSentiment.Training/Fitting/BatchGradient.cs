using ImdbSentiment.Training.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>
/// A training batch's loss and parameter gradients. With more than one share (<see cref="FitSettings.BatchShares"/>),
/// the batch's rows are cut into that many contiguous shares whose gradients are computed on as many threads at once,
/// each running its libtorch calls on its own thread, and summed in share order: the gradient of the whole batch up to
/// float rounding, the same from run to run, on more cores than one thread of small libtorch calls can use.
/// </summary>
internal sealed class BatchGradient(SentimentNetworkBase network, int shares, int threadsPerShare = 1)
{
    private readonly Parameter[] _parameters = [.. network.TrainableParameters()];

    /// <summary>Leaves the batch's gradients in the parameters; call inside a dispose scope.</summary>
    /// <returns>The batch's mean loss and how many of its rows the network got right.</returns>
    public (double Loss, double Correct) Compute(SequenceTensors training, long[] rows, ITrainingOptimizer optimizer)
    {
        optimizer.ZeroGrad();
        if (shares == 1 || rows.Length < shares)
        {
            var (logits, labels) = Forward(training, rows, share: 0);
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, labels);
            loss.backward();
            return (loss.item<float>(), TrainingLoop.CountCorrect(logits, labels));
        }

        var parts = rows.Chunk((rows.Length + shares - 1) / shares).ToArray();
        var results = new (double Loss, double Correct, Tensor[] Gradients)[parts.Length];
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = parts.Length }, share =>
        {
            // libtorch's thread count is a per-thread setting (OpenMP's): a pool thread would otherwise use every core,
            // and a share's float sums would depend on which thread ran it.
            set_num_threads(threadsPerShare);
            using var scope = NewDisposeScope();
            var (logits, labels) = Forward(training, parts[share], share);
            // Each share's part of the batch's mean loss, so that the shares' gradients add up to the batch's.
            using var rowCount = rows.Length.ToScalar();
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction: nn.Reduction.Sum).div(rowCount);
            var gradients = autograd.grad([loss], _parameters);
            results[share] = (loss.item<float>(), TrainingLoop.CountCorrect(logits, labels), [.. gradients.Select(gradient => gradient.MoveToOuterDisposeScope())]);
        });

        using (no_grad())
        {
            for (var i = 0; i < _parameters.Length; i++)
                // Summed into share 0's own gradient, no copy: every parameter's gradient is a tensor of its own (the
                // autograd nodes return distinct tensors, e.g. LstmRecurrence clones its second bias gradient).
                _parameters[i].grad = results.Skip(1).Aggregate(results[0].Gradients[i], (sum, result) => sum.add_(result.Gradients[i]));
        }

        foreach (var gradient in results.SelectMany(result => result.Gradients))
            gradient.Dispose();
        return (results.Sum(result => result.Loss), results.Sum(result => result.Correct));
    }

    private (Tensor Logits, Tensor Labels) Forward(SequenceTensors training, long[] rows, int share)
    {
        var indices = tensor(rows);
        return (network.call(training.Batch(indices) with { Share = share }), training.Labels.index_select(0, indices));
    }
}
