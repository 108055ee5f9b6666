using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Benchmarks.Suites.Memory;

/// <summary>
/// memory: peak resident memory (VmHWM) of a whole training run with the default recipe, each network in its own
/// child process so nothing else in this process counts; the one-hot network against the embedding network, with
/// the size the one-hot input tensor would have had for reference.
/// </summary>
internal sealed class MemorySuite : ISuite
{
    private const long TargetBytes = 500L << 20;
    private const long TrainingRows = 20_000, MaxLength = 100, Vocabulary = 500;

    public string Name => "memory";

    public void Run(BenchmarkContext context)
    {
        var output = context.Output;
        output.WriteLine("## memory: peak resident memory of a whole training run (read, featurize, train to early stopping, save)");
        output.WriteLine();

        var table = new MarkdownTable("run", "peak after read", "peak after featurize", "peak (whole run)", "epochs run", "best epoch", "best val accuracy", "zip", "wall s");
        foreach (var (label, architecture) in new[] { ("OURS: onehot-rnn", NetworkArchitecture.OneHotRnn), ("BASELINE: embedding-rnn", NetworkArchitecture.EmbeddingRnn) })
        {
            Progress.Report($"memory: training {architecture.ToName()} in a child process (up to 100 epochs, patience 3)...");
            var childOutput = SelfProcess.Run([MemoryChild.SuiteName, architecture.ToName(), "--data", context.DataPath]);
            var report = MemoryReport.FromOutput(childOutput) ?? throw new InvalidOperationException($"The {architecture.ToName()} child printed no result:\n{childOutput}");
            table.Add(label, Units.Bytes(report.PeakAfterReadBytes), Units.Bytes(report.PeakAfterFeaturizeBytes), Units.Bytes(report.PeakBytes),
                report.EpochsRun.ToString(), report.BestEpoch.ToString(), Units.Fraction(report.BestValidationAccuracy), Units.Bytes(report.ZipBytes), Units.Seconds(report.Seconds, 1));
        }

        var oneHotBytes = TrainingRows * MaxLength * Vocabulary * sizeof(float);
        table.Add($"reference: a one-hot input array ({Units.Count(TrainingRows)} x {MaxLength} x {Vocabulary} float32)", "", "", Units.Bytes(oneHotBytes), "", "", "", "", "");
        table.WriteTo(output);
        output.WriteLine($"VmHWM from /proc/self/status in each child process, read after each phase. Target for OURS (onehot-rnn): <= {Units.Bytes(TargetBytes)} peak.");
        output.WriteLine();
    }
}
