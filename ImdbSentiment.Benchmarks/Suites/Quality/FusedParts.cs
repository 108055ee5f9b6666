using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Benchmarks.Suites.Quality;

/// <summary>The development-test accuracy of each of a fused model's two networks alone: the ablation of the fusion from the same run.</summary>
internal static class FusedParts
{
    public static (double Partner, double Network) DevelopmentTestAccuracies(SentimentNetworkBase fused, IDataView featurizedDevelopmentTest)
    {
        var branches = ((JointSentimentNetwork)fused).Branches;
        using var data = SequenceTensors.FromDataView(featurizedDevelopmentTest);
        var labels = data.Labels.data<float>().ToArray();
        double Accuracy(SentimentNetworkBase branch) => LateFusion.Accuracy(TrainingLoop.Logits(branch, data, batchSize: 500, threads: 2), labels);

        return (Accuracy(branches[0]), Accuracy(branches[1]));
    }
}
