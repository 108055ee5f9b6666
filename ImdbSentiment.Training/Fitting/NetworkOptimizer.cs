using ImdbSentiment.Model;

namespace ImdbSentiment.Training.Fitting;

/// <summary>The update rule of the training loop.</summary>
public enum NetworkOptimizer
{
    /// <summary>Keras's RMSprop (rho 0.9, epsilon 1e-7 inside the root, sparse embedding rows): the book's recipe.</summary>
    RmsProp,

    /// <summary>torch.optim.Adam (beta1 0.9, beta2 0.999, epsilon 1e-8) with the options' learning rate.</summary>
    Adam,
}

/// <summary>The names of <see cref="NetworkOptimizer"/> values on the command line, in metrics.json and on the model card.</summary>
internal static class NetworkOptimizerNames
{
    public static NameTable<NetworkOptimizer> Table { get; } = new((NetworkOptimizer.RmsProp, "rmsprop"), (NetworkOptimizer.Adam, "adam"));
}
