using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;
using static TorchSharp.torch;

namespace ImdbSentiment.Benchmarks.Suites.Epoch;

/// <summary>
/// epoch-bilstm [RECIPE]: seconds per epoch of the bilstm recipe (Embedding(20000,64) -> BiLSTM(32) -> max pooling, 400
/// tokens, batch 64, Adam, clipping), or of bilstm-full (Embedding(20000,100) -> BiLSTM(32) -> max + mean pooling, 1,000
/// tokens), on the seeded 20,000/5,000 split, the project's trainer against PyTorch on the same tensors. bilstm also runs
/// the earlier implementations as baselines; bilstm-full runs beside PyTorch at 2 threads alone, its slowest row.
/// </summary>
internal sealed class BiLstmEpochSuite : ISuite
{
    private static readonly string[] Recipes = ["bilstm", "bilstm-full"];
    private const double TargetSeconds = 15;
    private const double TargetShareOfPyTorch = 0.2;

    public string Name => "epoch-bilstm";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        var epochs = context.Runs;
        var recipeName = context.SuiteArgument ?? Recipes[0];
        if (!Recipes.Contains(recipeName))
            throw new ArgumentException($"epoch-bilstm times {string.Join(" or ", Recipes)}, not '{recipeName}'.");
        var recipe = TrainingRecipes.Get(recipeName);
        var length = recipe.Featurizer.MaxLength;
        output.WriteLine($"## epoch-bilstm: seconds per epoch of the {recipeName} recipe, 20,000 training x {length} tokens, batch 64, with the 5,000-review validation pass");
        output.WriteLine();

        var network = recipe.Trainer.WithFit(fit => fit with { Epochs = epochs, Patience = int.MaxValue, InitializationTrials = 1, RefitOnAllData = false });
        var mlContext = new MLContext(seed: network.Seed);
        Progress.Report($"epoch-bilstm: featurizing the seeded 80/20 split (vocabulary {recipe.Featurizer.VocabularySize:N0}, {length} tokens)...");
        var prepared = new SentimentTrainingPipeline(mlContext, recipe).Prepare(context.Reviews);
        using var training = SequenceTensors.FromDataView(prepared.FeaturizedTraining);
        using var validation = SequenceTensors.FromDataView(prepared.FeaturizedValidation);
        using var pyTorch = PyTorchSideBySide.TryCreate(training, validation);
        var implementationBaselines = recipeName == Recipes[0];

        Progress.Report($"epoch-bilstm: ours, {epochs} epoch(s)...");
        var runs = new List<(string Name, EpochRun Run)>
        {
            ($"OURS: TrainingLoop + GatedSentimentNetwork, fused LSTM steps, padding masked, length buckets, {network.Fit.BatchShares} batch share(s){(network.Network.DropsWholeTokens ? ", whole-token dropout (first-layer projections looked up)" : "")}, {RecurrentPoolingNames.Table.NameOf(network.Network.Pooling)} pooling", EpochRuns.TrainOurs(mlContext, network, prepared)),
        };
        if (implementationBaselines)
        {
            // The recipe's batch shares against the other choice, so the lever's gain is visible in the same run.
            var otherShares = network.Fit.BatchShares == 1 ? 2 : 1;
            runs.AddRange(
            [
                ($"BASELINE: OURS with {otherShares} batch share(s)", EpochRuns.TrainOurs(mlContext, network.WithFit(fit => fit with { BatchShares = otherShares }), prepared)),
                ($"BASELINE: OURS with the embedding's dropout {(network.Network.DropsWholeTokens ? "on single values" : "on whole tokens")}",
                    EpochRuns.TrainOurs(mlContext, network.WithNetwork(settings => settings with { DropsWholeTokens = !settings.DropsWholeTokens }), prepared)),
                ($"BASELINE: OURS with torch's LSTM modules in place of the fused steps, {network.Fit.BatchShares} batch share(s)", TrainVariant(network, training, validation, masksPadding: true, fusesLstmSteps: false)),
                ($"BASELINE: OURS before masking: every batch runs all {length} steps, in torch's LSTM modules", TrainVariant(network, training, validation, masksPadding: false, fusesLstmSteps: false)),
            ]);
        }

        if (pyTorch is not null)
        {
            foreach (var threads in implementationBaselines ? new[] { 1, 2 } : [2])
                runs.Add(($"BASELINE: PyTorch {pyTorch.Version} Embedding -> Dropout -> nn.LSTM(bidirectional) -> {(network.Network.Pooling == RecurrentPooling.MaxMean ? "max and mean" : "max")} -> Linear, unmasked",
                    pyTorch.Train(recipeName, threads, epochs, network.Fit.BatchSize, network.Fit.EvaluationBatchSize)));
        }

        var table = EpochRuns.NewTable(epochs);
        EpochRuns.AddRows(table, recipeName, runs);
        table.WriteTo(output);
        if (pyTorch is null)
            output.WriteLine(PyTorchSideBySide.Unavailable);
        output.WriteLine(implementationBaselines
            ? $"Median of {epochs} epoch(s) (--runs; the first includes warm-up). Target for OURS: <= {TargetSeconds} s per epoch."
            : $"Median of {epochs} epoch(s) (--runs; the first includes warm-up). Target for OURS: <= {TargetShareOfPyTorch}x PyTorch's seconds.");
        output.WriteLine();
    }

    /// <summary>
    /// A previous implementation: the same network and trainer with the LSTM steps in torch's modules, and with padding
    /// unmasked, which buckets nothing.
    /// </summary>
    private static EpochRun TrainVariant(SentimentNetworkOptions options, SequenceTensors training, SequenceTensors validation, bool masksPadding, bool fusesLstmSteps)
    {
        Progress.Report($"epoch-bilstm: ours with masksPadding: {masksPadding}, fusesLstmSteps: {fusesLstmSteps}, {options.Fit.Epochs} epoch(s)...");
        set_num_threads(options.Fit.Threads);
        manual_seed(options.Seed);
        using var network = new GatedSentimentNetwork(GatedCell.Lstm, training.Inputs.VocabularySize, options.Network.EmbeddingSize, options.Network.Units,
            options.Network.Layers, options.Network.Bidirectional, options.Network.Dropout, options.Network.Pooling, masksPadding, fusesLstmSteps,
            options.Network.DropsWholeTokens);
        var history = new TrainingLoop(options).Train(network, training, validation).History;
        return new EpochRun(options.Fit.Threads, history.Select(epoch => epoch.Duration.TotalSeconds).ToArray(), history[^1].ValidationAccuracy);
    }
}
