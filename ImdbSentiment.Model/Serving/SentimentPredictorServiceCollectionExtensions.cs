using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Dependency injection for ASP.NET Core and other hosts, shaped like Microsoft.Extensions.ML's
/// <c>AddPredictionEnginePool</c>: one <see cref="PooledSentimentPredictor"/> and one <see cref="SentimentModel"/> per
/// container, both singletons, each loaded when first resolved (resolve the predictor at start-up to fail fast on a bad
/// file). The predictor reads the zip's model spec and network directly; the <see cref="SentimentModel"/> (ML.NET's
/// load, for Transform or a PredictionEngine) is loaded only if something resolves it. The container disposes both,
/// removing their unpacked files, when the host stops.
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
        services.TryAddSingleton(_ => PooledSentimentPredictor.Open(options.ModelPath, options.MaximumRetainedEngines));
        return services;
    }
}
