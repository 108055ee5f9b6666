using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Model.Rnn;

/// <summary>One update rule of the training loop: clear the gradients, then step once they are computed.</summary>
internal interface ITrainingOptimizer : IDisposable
{
    void ZeroGrad();

    void Step();
}

internal static class TrainingOptimizer
{
    public static ITrainingOptimizer Create(RecurrentTrainerOptions options, SentimentNetworkBase network) => options.Optimizer switch
    {
        RecurrentOptimizer.RmsProp => new KerasRmsProp(network.TrainableParameters(), network.LookupTable, options.LearningRate),
        RecurrentOptimizer.Adam => new TorchOptimizer(optim.Adam(network.TrainableParameters(), options.LearningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8)),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimizer."),
    };

    private sealed class TorchOptimizer(optim.Optimizer optimizer) : ITrainingOptimizer
    {
        public void ZeroGrad() => optimizer.zero_grad();

        public void Step() => optimizer.step();

        public void Dispose() => optimizer.Dispose();
    }
}
