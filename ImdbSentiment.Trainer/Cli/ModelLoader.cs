using ImdbSentiment.Model.Serving;
using ImdbSentiment.Trainer.NasBert;
using Microsoft.ML;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// Loads any zip that train writes: besides the ImdbSentiment.Model mappings that SentimentModel.Load registers, a
/// nasbert zip names <see cref="NasBertOutputMapping"/>, which lives in this assembly.
/// </summary>
internal static class ModelLoader
{
    public static SentimentModel Load(string path)
    {
        var mlContext = new MLContext();
        mlContext.ComponentCatalog.RegisterAssembly(typeof(NasBertOutputMapping).Assembly);
        return SentimentModel.Load(path, mlContext);
    }
}
