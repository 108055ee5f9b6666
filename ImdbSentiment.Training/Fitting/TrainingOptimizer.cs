using ImdbSentiment.Training.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Training.Fitting;

/// <summary>One update rule of the training loop: clear the gradients, then step once they are computed.</summary>
internal interface ITrainingOptimizer : IDisposable
{
    void ZeroGrad();

    void Step();
}

internal static class TrainingOptimizer
{
    /// <summary>The optimizer settings' update rule for the network's parameters; an n-gram bag's get a second one with its own learning rate and weight decay.</summary>
    public static ITrainingOptimizer Create(OptimizerSettings settings, SentimentNetworkBase network)
    {
        var bag = network.NgramBagParameters().ToArray();
        var rest = network.TrainableParameters().ExceptSame(bag).ToArray();
        var optimizers = new List<ITrainingOptimizer>();
        if (rest.Length > 0)
            optimizers.Add(Create(settings.Algorithm, rest, network.LookupTable, settings.LearningRate, weightDecay: 0));
        if (bag.Length > 0)
            optimizers.Add(Create(settings.Algorithm, bag, null, settings.NgramLearningRate, settings.NgramWeightDecay));
        return optimizers.Count == 1 ? optimizers[0] : new Combined(optimizers);
    }

    private static ITrainingOptimizer Create(NetworkOptimizer optimizer, Parameter[] parameters, Parameter? lookupTable, double learningRate, double weightDecay) => optimizer switch
    {
        NetworkOptimizer.RmsProp => new KerasRmsProp(parameters, lookupTable, learningRate, weightDecay: weightDecay),
        NetworkOptimizer.Adam => new ManagedAdam(parameters, learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: weightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer, "Unknown optimizer."),
    };

    private sealed class Combined(IReadOnlyList<ITrainingOptimizer> optimizers) : ITrainingOptimizer
    {
        public void ZeroGrad()
        {
            foreach (var optimizer in optimizers)
                optimizer.ZeroGrad();
        }

        public void Step()
        {
            foreach (var optimizer in optimizers)
                optimizer.Step();
        }

        public void Dispose()
        {
            foreach (var optimizer in optimizers)
                optimizer.Dispose();
        }
    }
}
