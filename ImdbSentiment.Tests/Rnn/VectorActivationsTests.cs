using System.Numerics;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>The LSTM's vector sigmoid and tanh against double-precision math over their whole range, and NaN kept NaN.</summary>
[TestClass]
public sealed class VectorActivationsTests
{
    [TestMethod]
    public void SigmoidAndTanh_AreWithinAFewUlpsOfDoublePrecision_FromSaturationToSaturation()
    {
        var (worstSigmoid, worstTanh) = (0.0, 0.0);
        for (var start = -3000; start < 3000; start += Vector<float>.Count)
        {
            var inputs = Enumerable.Range(start, Vector<float>.Count).Select(i => i / 100f).ToArray();
            var (sigmoid, tanh) = (VectorActivations.Sigmoid(new Vector<float>(inputs)), VectorActivations.Tanh(new Vector<float>(inputs)));
            for (var lane = 0; lane < Vector<float>.Count; lane++)
            {
                worstSigmoid = Math.Max(worstSigmoid, Math.Abs(sigmoid[lane] - 1 / (1 + Math.Exp(-inputs[lane]))));
                worstTanh = Math.Max(worstTanh, Math.Abs(tanh[lane] - Math.Tanh(inputs[lane])));
            }
        }

        Assert.IsLessThan(3e-7, worstSigmoid, $"sigmoid: largest difference {worstSigmoid:G3}");
        Assert.IsLessThan(3e-7, worstTanh, $"tanh: largest difference {worstTanh:G3}");
    }

    [TestMethod]
    public void ANaNInput_GivesNaN_SoADivergedNetworkShows()
    {
        var nan = new Vector<float>(float.NaN);
        Assert.IsTrue(float.IsNaN(VectorActivations.Sigmoid(nan)[0]), "sigmoid(NaN)");
        Assert.IsTrue(float.IsNaN(VectorActivations.Tanh(nan)[0]), "tanh(NaN)");
    }
}
