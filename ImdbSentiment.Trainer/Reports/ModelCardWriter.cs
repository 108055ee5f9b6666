using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Model.IO;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Trainer.Output;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Trainer.Reports;

/// <summary>Writes a markdown model card: what the model is, its data, recipe, results, how to reproduce and load it, and its limits.</summary>
internal static class ModelCardWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(string path, ReportInputs content) => AtomicFile.WriteAllText(path, Render(content));

    public static string Render(ReportInputs content)
    {
        var card = new StringBuilder();
        WriteOverview(card, content);
        WriteData(card, content);
        WriteRecipe(card, content);
        WriteResults(card, content);
        WriteReproduce(card, content);
        WriteLoading(card, content);
        WriteLimitations(card, content);
        return card.ToString();
    }

    private static void WriteOverview(StringBuilder card, ReportInputs content)
    {
        var featurizer = content.Options.Featurizer;
        card.AppendLine(Invariant, $"# Model card: {content.ModelFileName}").AppendLine();
        card.AppendLine("A binary sentiment classifier for English movie reviews. Given the raw text of a review it returns `Probability` (that the review is positive), `Score` (the logit) and `PredictedLabel` (Probability >= 0.5).").AppendLine();
        card.AppendLine("## What it is").AppendLine();
        var network = content.Options.Trainer.Network;
        var words = $"map each word to its id among the {featurizer.VocabularySize - Vocabulary.ReservedIds:N0} most frequent training words, pad and truncate to {featurizer.MaxLength:N0} ids";
        var ngrams = $"give each distinct word 1-to-{featurizer.NgramLength}-gram its id among the {featurizer.NgramVocabularySize - 1:N0} n-grams found in the most training reviews";
        var partner = content.Options.Trainer.FusedWith?.Network;
        var (name, partnerName) = (NetworkArchitectureNames.NetworkName(network), partner is null ? null : NetworkArchitectureNames.NetworkName(partner));
        var (features, trained) = (network.NgramBranch, network.Architecture, partner) switch
        {
            (_, _, not null) => ($"{words}; {ngrams}", $"two networks trained apart and fused, {partnerName} and {name}: the logit is a weighted sum of theirs plus a bias, the weights fitted on the validation reviews"),
            (false, _, _) => (words, "a recurrent network"),
            (true, NetworkArchitecture.None, _) => (ngrams, "a naive-Bayes-weighted bag of those n-grams"),
            _ => ($"{words}; {ngrams}", "a naive-Bayes-weighted n-gram bag and a recurrent network whose logits are summed"),
        };
        card.AppendLine(Invariant, $"One ML.NET model zip: a text featurizer (normalize, tokenize, {features}) followed by {trained}, trained with TorchSharp and stored as ONNX.").AppendLine();
        card.AppendLine(Invariant, $"- Architecture: `{(partnerName is null ? name : NetworkArchitectureNames.FusedName(partnerName, name))}`");
        card.AppendLine(Invariant, $"- Trainable parameters: {content.Model.TotalParameters:N0}").AppendLine();
        card.AppendLine("| Layer | Output shape | Parameters |").AppendLine("|---|---|---:|");
        foreach (var layer in content.Model.Layers)
            card.AppendLine(Invariant, $"| {layer.Layer} | {layer.OutputShape} | {layer.Parameters:N0} |");
        card.AppendLine();
    }

    private static void WriteData(StringBuilder card, ReportInputs content)
    {
        var data = content.TrainingData;
        card.AppendLine("## Data").AppendLine();
        card.AppendLine(Invariant, $"- Source: `{content.DataSource}`");
        card.AppendLine(Invariant, $"- Training reviews: {Balance(data.Count, data.Positive)}");
        card.AppendLine(Invariant, $"- Validation reviews: {Balance(content.Validation.Count, Positives(content.Validation))}");
        if (content.Test is { } test)
            card.AppendLine(Invariant, $"- {content.TestSetName} reviews: {Balance(test.Count, Positives(test))}");
        card.AppendLine(Invariant, $"- Rows skipped as bad (`--skip-bad-rows`): {SkippedRows(content.SkippedRows)}");
        card.AppendLine(Invariant, $"- Training review length in words: mean {data.MeanTokens:F1}, median {data.MedianTokens:F1}, 90th percentile {data.Percentile90Tokens:F1}, max {data.MaxTokens:N0}");
        card.AppendLine(Invariant, $"- Out-of-vocabulary words in the training data: {Percent(data.OutOfVocabularyRate)}");
        card.AppendLine(Invariant, $"- Training reviews truncated to the max length of {data.MaxLength:N0} ids: {Percent(data.TruncatedShare)}");
        if (content.Training.WordVectors is { } vectors)
            WriteWordVectors(card, vectors);
        card.AppendLine();
    }

    private static void WriteWordVectors(StringBuilder card, WordVectorCoverage vectors)
    {
        card.AppendLine(Invariant, $"- Word vectors: `{vectors.Path}`, {vectors.FileWords:N0} words of {vectors.Dimensions} dimensions; they started {vectors.CoveredWords:N0} of the {vectors.VocabularyWords:N0} vocabulary words ({Percent(vectors.CoveredShare)}), the others kept the random initialisation{(vectors.Frozen is { } frozen ? $"; {frozen}" : "")}");
        if (vectors.Provenance is not { } made)
        {
            card.AppendLine("- Word vectors' provenance: unknown (no FILE.json beside the file: it was not made by `imdb-sentiment vectors`)");
            return;
        }

        var settings = made.Settings;
        card.AppendLine(Invariant,
            $"- Word vectors' provenance: {made.Corpus}, {made.Reviews:N0} reviews, {made.Tokens:N0} tokens; {made.Method}; {settings.Dimensions} dimensions, {settings.Epochs} epochs, window {settings.Window}, {settings.NegativeSamples} negatives, min count {settings.MinCount}, subsampling {settings.SubsamplingThreshold}, learning rate {settings.LearningRate}, seed {settings.Seed}, {settings.Threads} threads; {made.Words:N0} vectors in {made.Seconds:F1} s; made by `{made.CommandLine}`");
    }

    private static void WriteRecipe(StringBuilder card, ReportInputs content)
    {
        card.AppendLine("## Recipe").AppendLine();
        card.AppendLine("| Option | Value |").AppendLine("|---|---|");
        // Listed from the options' JSON form, so an option added later shows up here too.
        var options = JsonSerializer.SerializeToNode(content.Options, ReportJson.Options)!.AsObject();
        foreach (var (name, value) in Flatten("", options))
            card.AppendLine(Invariant, $"| {name} | {value} |");
        card.AppendLine();
    }

    private static IEnumerable<(string Name, string Value)> Flatten(string prefix, JsonObject node)
    {
        foreach (var (name, value) in node)
        {
            if (value is JsonObject inner)
            {
                foreach (var entry in Flatten($"{prefix}{name}.", inner))
                    yield return entry;
            }
            else
            {
                yield return ($"{prefix}{name}", value?.ToString() ?? "(none)");
            }
        }
    }

    private static void WriteResults(StringBuilder card, ReportInputs content)
    {
        var sets = new List<(string Name, SentimentMetrics Metrics)> { ("Validation", content.Validation) };
        if (content.Test is { } test)
            sets.Add((content.TestSetName, test));

        card.AppendLine("## Results").AppendLine();
        card.AppendLine($"| Metric | {string.Join(" | ", sets.Select(set => set.Name))} |");
        card.AppendLine($"|---|{string.Concat(sets.Select(_ => "---:|"))}");
        Row(card, "Reviews", sets, metrics => metrics.Count.ToString("N0", Invariant));
        Row(card, "Accuracy", sets, metrics => MetricText.Of(metrics.Accuracy));
        Row(card, "AUC", sets, metrics => MetricText.Of(metrics.Auc));
        Row(card, "F1", sets, metrics => MetricText.Of(metrics.F1));
        Row(card, "Precision", sets, metrics => MetricText.Of(metrics.Precision));
        Row(card, "Recall", sets, metrics => MetricText.Of(metrics.Recall));
        Row(card, "Log loss (bits)", sets, metrics => MetricText.Of(metrics.LogLoss));
        card.AppendLine();

        foreach (var (name, metrics) in sets)
        {
            card.AppendLine(Invariant, $"Confusion matrix, {name.ToLowerInvariant()}:").AppendLine();
            card.AppendLine("| Actual \\ Predicted | Positive | Negative |").AppendLine("|---|---:|---:|");
            card.AppendLine(Invariant, $"| Positive | {metrics.TruePositives:N0} | {metrics.FalseNegatives:N0} |");
            card.AppendLine(Invariant, $"| Negative | {metrics.FalsePositives:N0} | {metrics.TrueNegatives:N0} |").AppendLine();
        }

        var training = content.Training;
        var outcome = training.Cancelled ? "cancelled" : training.StoppedEarly ? "stopped early" : "ran every epoch";
        card.AppendLine(Invariant, $"- Epochs run: {training.History.Count:N0} of at most {content.Options.Trainer.Fit.Epochs:N0} ({outcome})");
        var keptWeights = training.RefitReviews > 0
            ? string.Create(Invariant, $"the model is a fresh network refitted for that many epochs on all {training.RefitReviews:N0} training and validation reviews, so its validation figures above are on reviews it trained on")
            : "its weights are the model's";
        card.AppendLine(training.Best is { } best
            ? string.Create(Invariant, $"- Best epoch: {best.Epoch}, validation loss {best.ValidationLoss:F4}, validation accuracy {best.ValidationAccuracy:F4} ({keptWeights})")
            : "- Best epoch: none finished");
        card.AppendLine(training.History.Count == 0
            ? "- Mean seconds per epoch: n/a"
            : string.Create(Invariant, $"- Mean seconds per epoch: {training.History.Average(epoch => epoch.Duration.TotalSeconds):F1}"));
        if (training.Fusion is { } fusion)
        {
            var pseudoLabels = fusion.PseudoLabelledReviews > 0
                ? string.Create(Invariant, $"; the second also trained on {fusion.PseudoLabelledReviews:N0} unlabelled reviews labelled with the first's probabilities, and the first again on the {fusion.PartnerPseudoLabelledReviews:N0} it labelled with a probability of at least {PseudoLabels.PartnerConfidence:F1} either way")
                : "";
            card.AppendLine(Invariant,
                $"- Fusion: logit = {fusion.PartnerWeight:F4} x the first network's + {fusion.NetworkWeight:F4} x the second's + {fusion.Bias:F4}; validation accuracy of the first alone {fusion.PartnerValidationAccuracy:F4}, the second alone {fusion.NetworkValidationAccuracy:F4}, fused {fusion.ValidationAccuracy:F4} (the weights were fitted on these reviews){pseudoLabels}");
        }

        if (training.Initialization is { Trials.Count: > 0 } initialization)
        {
            var trials = string.Join(", ", initialization.Trials.Select(trial => string.Create(Invariant, $"seed {trial.Seed}: {trial.ValidationLoss:F4}")));
            card.AppendLine(Invariant, $"- Initialisation guard: validation loss after {Plural.Of(content.Options.Trainer.Fit.TrialEpochs, "epoch")} per candidate ({trials}); the recipe ran from seed {initialization.ChosenSeed}");
        }
        card.AppendLine();
    }

    private static void WriteReproduce(StringBuilder card, ReportInputs content)
    {
        card.AppendLine("## Reproduce").AppendLine();
        card.AppendLine("```sh").AppendLine(content.CommandLine).AppendLine("```").AppendLine();
    }

    private static void WriteLoading(StringBuilder card, ReportInputs content)
    {
        card.AppendLine("## Load it").AppendLine();
        card.AppendLine(Invariant, $"Reference the ImdbSentiment.Model library: it holds `ReviewInput`, `SentimentPrediction` and the custom mappings the zip is made of. TorchSharp-cpu (libtorch) is not needed. `{ConsumptionCodeWriter.FileNameFor(content.ModelFileName)}`, written beside the model, wraps the same calls.").AppendLine();
        card.AppendLine("```csharp");
        card.AppendLine("using ImdbSentiment.Model;");
        card.AppendLine("using Microsoft.ML;").AppendLine();
        card.AppendLine("var mlContext = new MLContext();");
        card.AppendLine("// The zip names its custom mappings by contract: make sure the catalog knows the assembly that defines them.");
        card.AppendLine("mlContext.ComponentCatalog.RegisterAssembly(typeof(ReviewInput).Assembly);");
        card.AppendLine(Invariant, $"ITransformer model = mlContext.Model.Load(\"{content.ModelFileName}\", out _);");
        card.AppendLine("var engine = mlContext.Model.CreatePredictionEngine<ReviewInput, SentimentPrediction>(model);");
        card.AppendLine("var prediction = engine.Predict(new ReviewInput { Text = \"A moving, beautifully acted film.\" });");
        card.AppendLine("Console.WriteLine($\"{prediction.Probability:F3} {(prediction.PredictedLabel ? \"positive\" : \"negative\")}\");");
        card.AppendLine("```").AppendLine();
        card.AppendLine("A PredictionEngine serves one thread at a time; `PooledSentimentPredictor` serves many.").AppendLine();
    }

    private static void WriteLimitations(StringBuilder card, ReportInputs content)
    {
        var featurizer = content.Options.Featurizer;
        var kept = featurizer.Truncating == SequenceSide.Pre ? "the end of a longer review (truncating `pre`)" : "the beginning of a longer review (truncating `post`)";
        card.AppendLine("## Limitations").AppendLine();
        card.AppendLine("- Trained on English, IMDB-style movie reviews: other languages, domains (products, tweets) or styles are scored less reliably.");
        card.AppendLine(Invariant, $"- It reads at most {featurizer.MaxLength:N0} ids (a start marker and the words), so it sees only {kept}; {Percent(content.TrainingData.TruncatedShare)} of the training reviews were cut.");
        card.AppendLine(Invariant, $"- Vocabulary: only the {featurizer.VocabularySize - Vocabulary.ReservedIds:N0} most frequent training words have their own id; every other word shares one out-of-vocabulary id ({Percent(content.TrainingData.OutOfVocabularyRate)} of the training words).");
        card.AppendLine("- Two classes only, no neutral; `PredictedLabel` uses the fixed 0.5 threshold, so compare `Probability` for another one.");
    }

    private static void Row(StringBuilder card, string name, List<(string Name, SentimentMetrics Metrics)> sets, Func<SentimentMetrics, string> value) =>
        card.AppendLine($"| {name} | {string.Join(" | ", sets.Select(set => value(set.Metrics)))} |");

    private static int Positives(SentimentMetrics metrics) => metrics.TruePositives + metrics.FalseNegatives;

    private static string SkippedRows(SkippedRowCounts skipped) =>
        skipped == SkippedRowCounts.None
            ? "none"
            : string.Create(Invariant, $"training {skipped.Training:N0}, validation {skipped.Validation:N0}, test {skipped.Test:N0}");

    private static string Balance(int count, int positive) => count == 0
        ? "0"
        : string.Create(Invariant, $"{count:N0} ({positive:N0} positive, {count - positive:N0} negative; {Percent((double)positive / count)} positive)");


    private static string Percent(double share) => string.Create(Invariant, $"{share * 100:F1}%");
}
