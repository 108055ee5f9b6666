using ImdbSentiment.Training.WordVectors.SkipGram;

namespace ImdbSentiment.Tests.WordVectors;

/// <summary>One skip-gram update against a float64 reference: a gradient step on the negative-sampling loss, its gradient taken by central differences.</summary>
[TestClass]
public sealed class SkipGramStepTests
{
    private const int Width = 8;
    private const float LearningRate = 0.3f;

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void Apply_IsAGradientStepOnTheNegativeSamplingLoss(int seed)
    {
        var random = new Random(seed);
        var input = Enumerable.Range(0, Width).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var outputs = Enumerable.Range(0, 5 * Width).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        int[] targets = [2, 0, 4, 1];
        var (inputBefore, outputsBefore) = (input.ToArray(), outputs.ToArray());

        SkipGramStep.Apply(input, outputs, targets, LearningRate, new float[Width]);

        var parameters = inputBefore.Concat(outputsBefore).Select(value => (double)value).ToArray();
        var gradient = NumericalGradient(parameters, targets);
        for (var i = 0; i < parameters.Length; i++)
        {
            var expected = parameters[i] - LearningRate * gradient[i];
            var actual = i < Width ? input[i] : outputs[i - Width];
            Assert.AreEqual(expected, actual, 2e-6, $"parameter {i} ({(i < Width ? "input" : $"output row {(i - Width) / Width}")})");
        }

        CollectionAssert.AreEqual(outputsBefore.AsSpan(3 * Width, Width).ToArray(), outputs.AsSpan(3 * Width, Width).ToArray(), "a row that is not a target stays");
    }

    /// <summary>-log s(u_c . v) - sum over negatives log s(-u_n . v), in float64; parameters are v, then the output rows.</summary>
    private static double Loss(double[] parameters, int[] targets)
    {
        double loss = 0;
        for (var t = 0; t < targets.Length; t++)
        {
            double score = 0;
            for (var k = 0; k < Width; k++)
                score += parameters[k] * parameters[Width + targets[t] * Width + k];
            loss -= Math.Log(1 / (1 + Math.Exp(t == 0 ? -score : score)));
        }

        return loss;
    }

    private static double[] NumericalGradient(double[] parameters, int[] targets)
    {
        const double h = 1e-6;
        var gradient = new double[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var saved = parameters[i];
            parameters[i] = saved + h;
            var up = Loss(parameters, targets);
            parameters[i] = saved - h;
            var down = Loss(parameters, targets);
            parameters[i] = saved;
            gradient[i] = (up - down) / (2 * h);
        }

        return gradient;
    }
}
