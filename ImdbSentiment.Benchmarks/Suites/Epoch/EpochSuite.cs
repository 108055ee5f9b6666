using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;
using static TorchSharp.torch;

namespace ImdbSentiment.Benchmarks.Suites.Epoch;

/// <summary>
/// epoch: seconds per epoch (training on the seeded 20,000-review split, then validating on 5,000) for each network,
/// the project's TrainingLoop against a plain TorchSharp loop around nn.RNN on the same batches.
/// </summary>
internal sealed class EpochSuite : ISuite
{
    private const int Epochs = 3;
    private const double TargetSeconds = 0.3;

    public string Name => "epoch";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        output.WriteLine("## epoch: seconds per epoch, 20,000 training x 100 tokens, batch 64, with the 5,000-review validation pass");
        output.WriteLine();

        TorchRuntime.EnsureLoaded();
        // The project's trainer sets libtorch's process-wide thread count, so the default is read before it runs.
        var defaultThreads = get_num_threads();
        var mlContext = new MLContext(seed: 42);
        var pipeline = new SentimentTrainingPipeline(mlContext, new SentimentTrainingOptions());
        Progress.Report("epoch: featurizing the seeded 80/20 split...");
        var prepared = pipeline.Prepare(context.Reviews);
        using var training = SequenceTensors.FromDataView(prepared.FeaturizedTraining);
        using var validation = SequenceTensors.FromDataView(prepared.FeaturizedValidation);
        using var pyTorch = PyTorchSideBySide.TryCreate(training, validation);

        var table = EpochRuns.NewTable(Epochs);
        foreach (var architecture in new[] { NetworkArchitecture.OneHotRnn, NetworkArchitecture.EmbeddingRnn })
        {
            var options = new SentimentNetworkOptions().WithNetwork(network => network with { Architecture = architecture }).WithFit(fit => fit.WithoutGuards() with { Epochs = Epochs, Patience = 1000 });
            Progress.Report($"epoch: {architecture.ToName()}, ours then the baseline at {options.Fit.Threads} and at {defaultThreads} threads, {Epochs} epochs each...");
            var ours = EpochRuns.TrainOurs(mlContext, options, prepared);
            var baselineName = $"BASELINE: Embedding({training.Inputs.VocabularySize},{BaselineEmbeddingSize(options)}) -> nn.RNN -> Linear";
            var runs = new List<(string Name, EpochRun Run)>
            {
                ("OURS: TrainingLoop + SimpleRnnNetwork", ours),
                ("OURS with 2 batch shares (--batch-shares 2)", EpochRuns.TrainOurs(mlContext, options.WithFit(fit => fit with { BatchShares = 2 }), prepared)),
                (baselineName + ", OURS' threads", TrainBaseline(options, training, validation, options.Fit.Threads)),
                (baselineName + ", torch default threads", TrainBaseline(options, training, validation, defaultThreads)),
            };
            if (architecture == NetworkArchitecture.EmbeddingRnn && pyTorch is not null)
            {
                foreach (var threads in new[] { 1, 2 })
                    runs.Add(($"BASELINE: PyTorch {pyTorch.Version} Embedding -> nn.RNN -> Linear, {threads} thread(s)",
                        pyTorch.Train("embedding-rnn", threads, Epochs, options.Fit.BatchSize, options.Fit.EvaluationBatchSize)));
            }
            EpochRuns.AddRows(table, architecture.ToName(), runs);
        }

        table.WriteTo(output);
        if (pyTorch is null)
            output.WriteLine(PyTorchSideBySide.Unavailable);
        output.WriteLine($"Median of the {Epochs} epochs (the first includes warm-up); OURS faster by = that row's median / OURS' median. " +
                         $"OURS runs with the project's thread setting; the baseline with the same and with libtorch's default, which slows down many times over " +
                         $"when other processes share the cores (see the load average). Target for OURS: <= {TargetSeconds} s per epoch.");
        output.WriteLine();
    }

    private static EpochRun TrainBaseline(SentimentNetworkOptions options, SequenceTensors training, SequenceTensors validation, int threads)
    {
        set_num_threads(threads);
        manual_seed(options.Seed);
        using var network = new TorchRnnNetwork(training.Inputs.VocabularySize, BaselineEmbeddingSize(options), options.Network.Units);
        return PlainTorchLoop.Train(network, training, validation, options);
    }

    // One-hot input would be 4 GB, so the one-hot baseline embeds into as many dimensions as the RNN has units.
    private static int BaselineEmbeddingSize(SentimentNetworkOptions options) =>
        options.Network.Architecture == NetworkArchitecture.OneHotRnn ? options.Network.Units : options.Network.EmbeddingSize;

}
