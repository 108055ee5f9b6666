// Consumption code for the ImdbSentiment model imdb-sentiment-ngram.zip, written by `imdb-sentiment train`.
// Add this file to an app, copy imdb-sentiment-ngram.zip to the app's output folder, and call ImdbSentimentModel.Predict.
//
// The app must reference the ImdbSentiment.Model library: the zip's featurizer and output steps are ML.NET
// custom mappings defined there, so ML.NET needs that assembly to load the model. It needs no TorchSharp-cpu
// (no libtorch natives): the network runs as ONNX.
using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Consumption
{
    /// <summary>The raw text of one movie review.</summary>
    public class ModelInput
    {
        [ColumnName("Text")]
        public string Text { get; set; } = "";
    }

    /// <summary>The model's answer for one review.</summary>
    public class ModelOutput
    {
        /// <summary>True when the review is predicted positive (Probability >= 0.5).</summary>
        [ColumnName("PredictedLabel")]
        public bool PredictedLabel { get; set; }

        /// <summary>The network's logit: the log-odds of a positive review.</summary>
        [ColumnName("Score")]
        public float Score { get; set; }

        /// <summary>Probability that the review is positive.</summary>
        [ColumnName("Probability")]
        public float Probability { get; set; }
    }

    public static class ImdbSentimentModel
    {
        public static readonly string MLNetModelPath = Path.Combine(AppContext.BaseDirectory, "imdb-sentiment-ngram.zip");

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
            mlContext.ComponentCatalog.RegisterAssembly(typeof(global::ImdbSentiment.Model.ReviewInput).Assembly);
            ITransformer mlModel = mlContext.Model.Load(MLNetModelPath, out _);
            // Loading unpacks the network to a temporary ONNX file, which only disposing the model removes.
            AppDomain.CurrentDomain.ProcessExit += (sender, e) => (mlModel as IDisposable)?.Dispose();
            return mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(mlModel);
        }
    }
}
