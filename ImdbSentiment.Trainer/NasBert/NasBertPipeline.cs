using System.Globalization;
using System.Text.RegularExpressions;
using ImdbSentiment.Model;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Microsoft.ML.TorchSharp;

namespace ImdbSentiment.Trainer.NasBert;

/// <summary>
/// Fine-tunes ML.NET's NAS-BERT text classifier (Microsoft.ML.TorchSharp's TextClassification trainer, Model Builder's
/// own) on raw review text and appends <see cref="NasBertOutputMapping"/>, giving a transformer whose output columns are
/// the product's Score, Probability and PredictedLabel. The label-to-key step is applied to the data only, not saved:
/// the saved model needs nothing but the Text column.
/// </summary>
internal sealed partial class NasBertPipeline(MLContext mlContext, int epochs, int batchSize)
{
    public const string LabelKeyColumn = "LabelKey";

    /// <summary>Called with (epoch, validation accuracy) after each epoch, from ML.NET's own log.</summary>
    public Action<int, double>? EpochCompleted { get; init; }

    public ITransformer Fit(IDataView training, IDataView validation)
    {
        // The key order is given, not learned: key 1 is false (negative), key 2 true (positive), so class scores come
        // out negative first, which the stateless output mapping relies on.
        var keyOrder = mlContext.Data.LoadFromEnumerable(new[] { new LabelValue { Label = false }, new LabelValue { Label = true } });
        var labelKey = mlContext.Transforms.Conversion.MapValueToKey(LabelKeyColumn, ColumnNames.Label, keyData: keyOrder).Fit(training);
        var keyedTraining = labelKey.Transform(training);

        var trainer = mlContext.MulticlassClassification.Trainers.TextClassification(
            labelColumnName: LabelKeyColumn,
            scoreColumnName: NasBertOutputMapping.ClassScoresColumn,
            outputColumnName: NasBertOutputMapping.PredictedClassColumn,
            sentence1ColumnName: ColumnNames.Text,
            batchSize: batchSize,
            maxEpochs: epochs,
            validationSet: labelKey.Transform(validation));

        mlContext.Log += OnLog;
        ITransformer classifier;
        try
        {
            classifier = trainer.Fit(keyedTraining);
        }
        finally
        {
            mlContext.Log -= OnLog;
        }

        var output = mlContext.Transforms.CustomMapping(new NasBertOutputMapping().GetMapping(), NasBertOutputMapping.ContractName)
            .Fit(classifier.Transform(keyedTraining));
        return classifier.Append(output);
    }

    private void OnLog(object? sender, LoggingEventArgs message)
    {
        if (EpochCompleted is null || message.Kind != ChannelMessageKind.Info)
            return;
        // NAS-BERT logs "Accuracy for epoch N: X" (N from 0) after validating each epoch.
        var match = EpochAccuracy().Match(message.Message);
        if (match.Success)
            EpochCompleted(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1, double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>One label value: ML.NET wants a one-column view for the key order.</summary>
    private sealed class LabelValue
    {
        public bool Label { get; set; }
    }

    [GeneratedRegex(@"Accuracy for epoch (\d+): ([0-9.eE+-]+|NaN)")]
    private static partial Regex EpochAccuracy();
}
