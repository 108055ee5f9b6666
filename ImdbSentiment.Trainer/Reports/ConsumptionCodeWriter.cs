using ImdbSentiment.Model;
using ImdbSentiment.Model.IO;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>
/// Writes a C# file an app adds to predict with the model, like ML.NET Model Builder's consumption code:
/// ModelInput, ModelOutput and a static ImdbSentimentModel.Predict.
/// </summary>
internal static class ConsumptionCodeWriter
{
    /// <summary>As Model Builder names it after the model: models/imdb-sentiment.zip gives imdb-sentiment.consumption.cs.</summary>
    public static string FileNameFor(string modelFileName) => Path.GetFileNameWithoutExtension(modelFileName) + ".consumption.cs";
    /// <summary>Where train writes it: beside the model.</summary>
    public static string PathFor(string modelPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, FileNameFor(Path.GetFileName(modelPath)));

    public const string Namespace = "ImdbSentiment.Consumption";
    public const string ClassName = "ImdbSentimentModel";

    /// <param name="modelFileName">The zip's file name; the app is expected to copy it to its output folder.</param>
    public static void Write(string path, string modelFileName) => AtomicFile.WriteAllText(path, Render(modelFileName));

    public static string Render(string modelFileName)
    {
        if (modelFileName.Length == 0 || Path.GetFileName(modelFileName) != modelFileName || modelFileName.Any(char.IsControl))
            throw new ArgumentException($"'{modelFileName}' is not a plain file name.", nameof(modelFileName));

        var modelLiteral = "\"" + modelFileName.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        // The property names equal the model's column names; the ColumnName attributes say so explicitly as well.
        return $$"""
            // Consumption code for the ImdbSentiment model {{modelFileName}}, written by `imdb-sentiment train`.
            // Add this file to an app, copy {{modelFileName}} to the app's output folder, and call {{ClassName}}.Predict.
            //
            // The app must reference the ImdbSentiment.Model library: the zip's featurizer and output steps are ML.NET
            // custom mappings defined there, so ML.NET needs that assembly to load the model. It needs no TorchSharp-cpu
            // (no libtorch natives): the network runs as ONNX.
            using System;
            using System.IO;
            using Microsoft.ML;
            using Microsoft.ML.Data;

            namespace {{Namespace}}
            {
                /// <summary>The raw text of one movie review.</summary>
                public class ModelInput
                {
                    [ColumnName("{{ColumnNames.Text}}")]
                    public string {{ColumnNames.Text}} { get; set; } = "";
                }

                /// <summary>The model's answer for one review.</summary>
                public class ModelOutput
                {
                    /// <summary>True when the review is predicted positive (Probability >= 0.5).</summary>
                    [ColumnName("{{ColumnNames.PredictedLabel}}")]
                    public bool {{ColumnNames.PredictedLabel}} { get; set; }

                    /// <summary>The network's logit: the log-odds of a positive review.</summary>
                    [ColumnName("{{ColumnNames.Score}}")]
                    public float {{ColumnNames.Score}} { get; set; }

                    /// <summary>Probability that the review is positive.</summary>
                    [ColumnName("{{ColumnNames.Probability}}")]
                    public float {{ColumnNames.Probability}} { get; set; }
                }

                public static class {{ClassName}}
                {
                    public static readonly string MLNetModelPath = Path.Combine(AppContext.BaseDirectory, {{modelLiteral}});

                    private static readonly Lazy<PredictionEngine<ModelInput, ModelOutput>> PredictEngine =
                        new Lazy<PredictionEngine<ModelInput, ModelOutput>>(CreatePredictEngine, isThreadSafe: true);

                    // A PredictionEngine is not thread-safe, so calls to the one engine take turns.
                    private static readonly object PredictLock = new object();

                    /// <summary>Predicts the sentiment of one review; loads the model on first use.</summary>
                    public static ModelOutput Predict(ModelInput input)
                    {
                        lock (PredictLock)
                        {
                            return PredictEngine.Value.Predict(input);
                        }
                    }

                    private static PredictionEngine<ModelInput, ModelOutput> CreatePredictEngine()
                    {
                        var mlContext = new MLContext();
                        // The zip names its custom mappings by contract: make sure the catalog knows the assembly that defines them.
                        mlContext.ComponentCatalog.RegisterAssembly(typeof(global::{{typeof(ReviewInput).FullName}}).Assembly);
                        ITransformer mlModel = mlContext.Model.Load(MLNetModelPath, out _);
                        // Loading unpacks the network to a temporary ONNX file, which only disposing the model removes.
                        AppDomain.CurrentDomain.ProcessExit += (sender, e) => (mlModel as IDisposable)?.Dispose();
                        return mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(mlModel);
                    }
                }
            }

            """;
    }
}
