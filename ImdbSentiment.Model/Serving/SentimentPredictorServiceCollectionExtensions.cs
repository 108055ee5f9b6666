using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Dependency injection for ASP.NET Core and other hosts, shaped like Microsoft.Extensions.ML's
/// <c>AddPredictionEnginePool</c>: one <see cref="SentimentModel"/> and one <see cref="PooledSentimentPredictor"/> per
/// container, both singletons. The model loads when either is first resolved (resolve it at start-up to fail fast on a
/// bad file), and the container disposes it, removing its unpacked files, when the host stops.
/// </summary>
public static class SentimentPredictorServiceCollectionExtensions
{
    public static IServiceCollection AddSentimentPredictor(this IServiceCollection services, string modelPath) =>
        services.AddSentimentPredictor(options => options.ModelPath = modelPath);

    public static IServiceCollection AddSentimentPredictor(this IServiceCollection services, Action<SentimentPredictorOptions> configure)
    {
        var options = new SentimentPredictorOptions();
        configure(options);
        options.Validate();
        services.TryAddSingleton(_ => SentimentModel.Load(options.ModelPath));
        services.TryAddSingleton(provider => new PooledSentimentPredictor(provider.GetRequiredService<SentimentModel>(), options.MaximumRetainedEngines));
        return services;
    }
}
